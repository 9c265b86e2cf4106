package dev.jgym.experiments;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code configs/} folder, from a module's test working directory. */
public final class Configs {
    private Configs() {}

    public static Path path(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("configs").resolve(relative);
            if (Files.exists(candidate)) return candidate;
        }
        throw new IllegalStateException("configs/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
