package dev.jgym.experiments.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link ConvBenchmark}'s training step timed by CPU time instead of the wall clock, for a shared
 * machine where the wall clock measures the run queue: the calling thread's CPU time per step
 * (on 2 threads it takes part in every parallel loop and runs the serial parts, so it is what the
 * step's wall time comes down to on an idle machine) and the whole process's.
 *
 * <p>{@code java --add-modules jdk.incubator.vector -cp agents/target/benchmarks.jar
 * dev.jgym.experiments.bench.ConvCpuTime NET THREADS WARMUP STEPS}, NET one of lenet, alexnet, mlp, lstm.
 */
public final class ConvCpuTime {
    private ConvCpuTime() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ConvCpuTime NET THREADS WARMUP STEPS");
            System.exit(2);
        }
        ConvBenchmark step = new ConvBenchmark();
        step.net = args[0];
        step.threads = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]), steps = Integer.parseInt(args[3]);
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean process = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        step.setUp();
        double loss = 0;
        for (int s = 0; s < warmup; s++) loss += step.trainStep();
        long wall = System.nanoTime(), own = thread.getCurrentThreadCpuTime(), all = process.getProcessCpuTime();
        for (int s = 0; s < steps; s++) loss += step.trainStep();
        double ms = 1e6 * steps;
        System.out.printf(Locale.ROOT, "%s, %d thread(s): %.1f ms CPU per step (calling thread), %.1f (process), %.1f ms wall; loss sum %.6f%n",
                step.net, step.threads, (thread.getCurrentThreadCpuTime() - own) / ms, (process.getProcessCpuTime() - all) / ms,
                (System.nanoTime() - wall) / ms, loss);
        step.tearDown();
    }
}
