package dev.jgym.experiments.run;

import dev.jgym.agents.run.Progress;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar on stderr: {@code [#######.......]  48%  2.9M/6.0M steps  3.1M steps/s  ETA 1s}.
 * Workers call {@link #advance(long)} from any thread; a daemon thread redraws it four times a
 * second on a terminal, or prints a line every 10% when stderr is not a terminal (CI logs).
 */
public final class ProgressBar implements AutoCloseable, Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String what;
    private final long total;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final long start = System.nanoTime();
    private final Thread painter;
    private int lastDecile = -1;
    private volatile boolean closed;
    private volatile String status = "";

    public ProgressBar(PrintStream out, String what, long total, boolean terminal) {
        this.out = out;
        this.what = what;
        this.total = Math.max(1, total);
        this.terminal = terminal;
        this.painter = new Thread(this::paintLoop, "jgym-progress");
        painter.setDaemon(true);
        painter.start();
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
    }

    /** A short text shown after the rate (such as the latest episode's return); any thread. */
    @Override
    public void status(String text) {
        status = text == null ? "" : text;
    }

    private void paintLoop() {
        while (!closed) {
            paint(false);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void paint(boolean last) {
        long d = Math.min(done.get(), total);
        double fraction = d / (double) total;
        int decile = (int) (fraction * 10);
        if (!terminal && !last && decile == lastDecile) return;
        lastDecile = decile;
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        String eta = rate > 0 && d < total ? "  ETA " + duration((total - d) / rate) : "";
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %3d%%  %s/%s %s  %s %s/s%s%s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(fraction * 100),
                compact(d), compact(total), what, compact(Math.round(rate)), what, status.isEmpty() ? "" : "  " + status, eta);
        if (terminal) out.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
        else out.println(line);
        out.flush();
    }

    static String compact(long n) {
        if (n >= 1_000_000_000) return String.format(Locale.ROOT, "%.1fG", n / 1e9);
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 10_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return Long.toString(n);
    }

    static String duration(double seconds) {
        if (seconds < 60) return Math.round(Math.ceil(seconds)) + "s";
        long s = Math.round(seconds);
        return s / 3600 > 0 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public void close() {
        closed = true;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paint(true);
    }
}
