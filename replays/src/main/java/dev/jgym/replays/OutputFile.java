package dev.jgym.replays;

import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: into a temporary file in the target's folder, renamed over
 * the target once complete. Every output problem (no such folder, a read-only folder, a full disk)
 * is a {@link UserError} of one line, and the temporary file is removed, so a failed export never
 * leaves half a file behind.
 */
final class OutputFile {
    private OutputFile() {}

    /** Fills a temporary file. */
    @FunctionalInterface
    interface Body<T> {
        T write(Path temp) throws IOException;
    }

    /** Writes {@code file} through {@code body}; returns what {@code body} returns. */
    static <T> T write(Path file, Body<T> body) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UserError(file + ": cannot write: " + (Files.exists(folder) ? folder + " is not a folder" : "no such folder " + folder));
        }
        if (Files.isDirectory(target)) throw new UserError(file + ": cannot write: it is a folder");
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + reason(e, folder));
        }
        boolean done = false;
        try {
            T result = body.write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            return result;
        } catch (IOException e) {
            throw new UserError(file + ": cannot write: " + reason(e, folder));
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the first problem is the one to report
                }
            }
        }
    }

    /** Why, in a few words: {@code the folder /x is read-only}, {@code No space left on device}. */
    static String reason(IOException e, Path folder) {
        if (e instanceof AccessDeniedException) return "permission denied in " + folder + " (read-only?)";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        if (e.getMessage() != null && !e.getMessage().isBlank()) return e.getMessage();
        return e.getClass().getSimpleName();
    }
}
