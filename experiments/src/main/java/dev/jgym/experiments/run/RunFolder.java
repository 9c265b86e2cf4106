package dev.jgym.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder a run writes into, made safe before any work starts:
 * <ul>
 *   <li>without {@code --out} it is {@code runs/<name>}, and the name must stay inside {@code runs/};
 *   <li>a folder that already holds files is refused (an earlier run's replays would pass for
 *       this run's), unless {@code --force}, which clears it; one that holds a checkpoint is
 *       refused with a pointer to {@code --resume};
 *   <li>{@code --resume} needs the checkpoint, and refuses a config that differs from the one the
 *       run started with in anything but its {@code description}, naming the key;
 *   <li>the folder is created and written to (a probe file) before the run starts, and the
 *       temporary files a killed run left behind are removed;
 *   <li>{@code config.json}, the config byte for byte, is written first, so a killed run can be resumed.
 * </ul>
 */
public final class RunFolder {
    /** Where checkpoints go, in every resumable kind. */
    public static final String CHECKPOINT = dev.jgym.agents.run.Run.CHECKPOINT;
    public static final String CONFIG = "config.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Keys a resumed run may change: they do not alter results. */
    private static final Set<String> FREE_ON_RESUME = Set.of("$.description");

    private RunFolder() {}

    /** The run folder: {@code out}, or {@code runs/<name>} with a name that stays inside {@code runs/}. */
    public static Path resolve(Path out, String name, Path configFile) {
        if (out != null) return out;
        if (name == null || !NAME.matcher(name).matches() || name.length() > 200) {
            throw new UserError(configFile + ": $.name: \"" + name + "\" is not a plain folder name (letters, digits, '.', '_' and '-', "
                    + "at most 200, not starting with '.'): the run folder is runs/<name>; pass --out DIR to write elsewhere");
        }
        return Path.of("runs", name);
    }

    /**
     * Checks and prepares {@code dir} for a run of {@code configFile}; see the class comment.
     *
     * @param resumable whether the run's kind writes checkpoints
     */
    public static void prepare(Path dir, Path configFile, boolean resume, boolean force, boolean resumable) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserError("--out " + dir + ": is a file, expected a folder");
        boolean hasCheckpoint = Files.isRegularFile(dir.resolve(CHECKPOINT));
        if (resume) {
            if (force) throw new UserError("--resume and --force: pick one (--force would delete the checkpoint --resume continues)");
            if (!hasCheckpoint) {
                throw new UserError("--resume: " + dir + " holds no " + CHECKPOINT + " (nothing to continue; train without --resume)");
            }
            sameConfig(dir.resolve(CONFIG), configFile);
            removeStaleTemporaries(dir);
        } else if (!isEmpty(dir)) {
            if (!force) {
                if (hasCheckpoint && resumable) {
                    throw new UserError(dir + " holds the checkpoint of an earlier run: add --resume to continue it, or --force to start over (deletes it)");
                }
                throw new UserError(dir + " is not empty (an earlier run's files would mix with this one's): pick another --out, or add --force to clear it");
            }
            clear(dir);
        }
        probeWritable(dir);
        if (!resume) {
            try {
                Json.writeAtomically(dir.resolve(CONFIG), Files.readAllBytes(configFile));
            } catch (IOException e) {
                throw new UserError(configFile + ": cannot read: " + reason(e));
            } catch (UncheckedIOException e) {
                throw new UserError("cannot write " + dir.resolve(CONFIG) + ": " + reason(e.getCause()));
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.isDirectory(dir)) return true;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserError("cannot read " + dir + ": " + reason(e));
        }
    }

    private static void clear(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.equals(home) || cwd.startsWith(abs) || Files.isDirectory(abs.resolve(".git"))) {
            throw new UserError("--force: will not clear " + dir + " (the root, your home, the current folder or one above it, or a git checkout)");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Iterator<Path> it = walk.sorted(Comparator.reverseOrder()).iterator(); it.hasNext(); ) {
                Path p = it.next();
                if (!p.equals(dir)) Files.delete(p);
            }
        } catch (IOException e) {
            throw new UserError("--force: cannot clear " + dir + ": " + reason(e));
        }
    }

    private static void probeWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".jgym-probe", ".tmp");
            Files.delete(probe);
        } catch (FileAlreadyExistsException e) {
            throw new UserError("--out " + dir + ": " + e.getFile() + " is a file, expected a folder");
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError("cannot write to " + dir + ": " + reason(e));
        }
    }

    /** Deletes {@code .<file>*.tmp} files that a run killed while writing left behind. */
    public static void removeStaleTemporaries(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UserError("cannot clean " + dir + ": " + reason(e));
        }
    }

    private static void sameConfig(Path saved, Path configFile) {
        if (!Files.isRegularFile(saved)) throw new UserError("--resume: " + saved + " is missing: cannot check that the config is unchanged");
        JsonNode before = Json.readTree(saved), now = Json.readTree(configFile);
        String diff = firstDifference("$", before, now);
        if (diff != null) {
            throw new UserError("--resume: " + configFile + " changes " + diff + " since the run started (results would differ); "
                    + "restore it, or train into a new --out");
        }
    }

    /** The first path where two configs differ, as {@code $.a.b from X to Y}; null when equal but for free keys. */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (FREE_ON_RESUME.contains(path)) return null;
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if ((a == null || a.isMissingNode()) && (b == null || b.isMissingNode())) return null;
            return path + " from " + show(a) + " to " + show(b);
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String d = firstDifference(path + "." + k, a.get(k), b.get(k));
                if (d != null) return d;
            }
            return null;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) return d;
            }
            return null;
        }
        if (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) return null;
        return a.equals(b) ? null : path + " from " + show(a) + " to " + show(b);
    }

    private static String show(JsonNode n) {
        if (n == null || n.isMissingNode()) return "(absent)";
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** An I/O error's reason in a few words ("No space left on device", "Permission denied"). */
    public static String reason(Throwable e) {
        if (e instanceof NoSuchFileException n) return "no such file or folder " + n.getFile();
        if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied (" + a.getFile() + ")";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
