package dev.jgym.agents.run;

import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV file streamed while a run trains ({@code metrics.csv}, the live viewer's
 * {@code episodes.csv}): rows are appended in whole lines at most once a second and at every
 * {@link #flush()} (a kind flushes at each checkpoint and at the end), so a killed run leaves a
 * well-formed file covering the rows done, and the finished file is byte for byte what writing
 * all rows at the end gives. A resumed run {@link #start}s it over from its checkpoint's rows.
 * Nothing here draws a random number or changes what the run computes.
 *
 * @param <R> the row type
 */
public final class CsvStream<R> {
    private static final long CADENCE_NANOS = 1_000_000_000L;

    private final Path file;
    private final String header;
    private final Function<R, String> line;
    private final StringBuilder pending = new StringBuilder();
    private long lastFlush = System.nanoTime();

    /** @param header the first line, newline included; @param line one row's line, newline included */
    public CsvStream(Path file, String header, Function<R, String> line) {
        this.file = file;
        this.header = header;
        this.line = line;
    }

    /** The whole file for {@code rows}: what a run that does not stream writes at the end. */
    private String text(List<R> rows) {
        StringBuilder sb = new StringBuilder(header);
        for (R r : rows) sb.append(line.apply(r));
        return sb.toString();
    }

    /** Starts the file over from {@code rows} (a fresh run: none; a resumed one: its checkpoint's), atomically. */
    public void start(List<R> rows) {
        pending.setLength(0);
        Json.writeAtomically(file, text(rows).getBytes(StandardCharsets.UTF_8));
        lastFlush = System.nanoTime();
    }

    /** A row is done; appended now if a second has passed since the last write. */
    public void add(R row) {
        pending.append(line.apply(row));
        if (System.nanoTime() - lastFlush >= CADENCE_NANOS) flush();
    }

    /** Appends what is pending, in one write. */
    public void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) return;
        try {
            Files.write(file, pending.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        pending.setLength(0);
    }
}
