package dev.jgym.replays;

import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one replay operation in a child JVM started with a small heap ({@link #run}): {@code read
 * FILE} or {@code gif FILE OUT LONG_SIDE}. Prints one line (the result, or the user error) and the
 * peak heap use; exits 0, or 2 for a user error, as the command line does.
 */
final class SmallHeap {
    public static void main(String[] args) {
        try {
            Replay replay = ReplayReader.read(Path.of(args[1]));
            if (args[0].equals("gif")) {
                int frames = FrameExport.gif(replay, Path.of(args[2]), Integer.parseInt(args[3]), 30);
                System.out.println("frames " + frames);
            } else {
                System.out.println("steps " + replay.totalSteps());
            }
        } catch (UserError e) {
            System.out.println("jgym: " + e.getMessage());
            System.out.println("peak-heap-mb " + peakHeapMb());
            System.exit(2);
        }
        System.out.println("peak-heap-mb " + peakHeapMb());
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) sum += pool.getPeakUsage().getUsed();
        }
        return sum >> 20;
    }

    /** What a child run printed and how it exited. */
    record Result(int exit, List<String> lines, long millis) {
        String line(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    static Result run(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), SmallHeap.class.getName()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
        int exit = p.waitFor();
        return new Result(exit, lines, (System.nanoTime() - start) / 1_000_000);
    }
}
