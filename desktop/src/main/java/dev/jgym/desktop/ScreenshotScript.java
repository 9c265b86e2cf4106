package dev.jgym.desktop;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.math.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A scripted session for the real-window test ({@code --script DIR}): for every episode loaded,
 * show a frame (the middle one, or {@code --shot-frame}), let two frames render, then save the
 * frame buffer as {@code shot-<i>.png} and where the scene was drawn; then, when asked
 * ({@code --scrub-episode}), scrub that episode back and forth for {@value #SCRUB_FRAMES} frames
 * and record every frame's time; write {@code shots.csv} and {@code timings.txt}; exit.
 */
final class ScreenshotScript {
    static final int SCRUB_FRAMES = 600;

    private final Path dir;
    private final int shotFrame;
    private final int scrubEpisode;
    private final List<String> shots = new ArrayList<>();
    private final long[] frameNanos = new long[SCRUB_FRAMES];
    private final long[] renderNanos = new long[SCRUB_FRAMES];
    private int shot = 0, wait = 0, scrub = -1;
    private long lastFrameStart;

    ScreenshotScript(Path dir, int shotFrame, int scrubEpisode) {
        this.dir = dir;
        this.shotFrame = shotFrame;
        this.scrubEpisode = scrubEpisode;
    }

    void beforeFrame(ViewerApp app) {
        ViewerModel m = app.model();
        if (scrub >= 0) {
            long now = System.nanoTime();
            if (scrub > 0) frameNanos[scrub - 1] = now - lastFrameStart;
            lastFrameStart = now;
            int last = Math.max(1, m.current().frameCount() - 1);
            // a zig-zag sweep over the whole timeline, 60 frames per pass
            int pos = scrub % 120 < 60 ? scrub % 60 : 59 - scrub % 60;
            m.scrubTo(pos / 59.0 + (scrub / 120) * 0.001 % 1);
            if (last < 1) m.scrubTo(0);
            return;
        }
        if (shot < m.episodes().size() && wait == 0) {
            m.selectEpisode(shot);
            int frames = m.current().frameCount();
            m.showFrame(shotFrame >= 0 ? Math.min(shotFrame, frames - 1) : frames / 2);
        }
    }

    void afterFrame(ViewerApp app, long renderTime) {
        ViewerModel m = app.model();
        if (scrub >= 0) {
            renderNanos[scrub] = renderTime;
            scrub++;
            if (scrub == SCRUB_FRAMES) finish(app);
            return;
        }
        if (shot < m.episodes().size()) {
            if (++wait < 3) return;
            wait = 0;
            Path file = dir.resolve("shot-" + shot + ".png");
            app.screenshot(file);
            Rectangle r = app.sceneRect();
            shots.add(String.format(Locale.ROOT, "%d,%d,%s,%d,%d,%.1f,%.1f,%.1f,%.1f", shot, m.frame(), file.getFileName(),
                    Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight(), r.x, r.y, r.width, r.height));
            shot++;
            return;
        }
        if (scrubEpisode >= 0 && scrubEpisode < m.episodes().size()) {
            m.selectEpisode(scrubEpisode);
            scrub = 0;
            lastFrameStart = System.nanoTime();
            return;
        }
        finish(app);
    }

    private void finish(ViewerApp app) {
        try {
            Files.writeString(dir.resolve("shots.csv"), "shot,frame,file,fb_width,fb_height,x,y,width,height\n" + String.join("\n", shots) + "\n");
            if (scrub > 0) Files.writeString(dir.resolve("timings.txt"), timings(app));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Gdx.app.exit();
    }

    private String timings(ViewerApp app) {
        long[] f = Arrays.copyOfRange(frameNanos, 10, SCRUB_FRAMES - 1); // skip warm-up frames
        long[] r = Arrays.copyOfRange(renderNanos, 10, SCRUB_FRAMES);
        Arrays.sort(f);
        Arrays.sort(r);
        int frames = app.model().current().frameCount();
        return String.format(Locale.ROOT,
                "scrubbing a %d-step replay, %d frames: frame interval median %.2f ms, p95 %.2f ms, max %.2f ms (%.1f fps median); "
                        + "render work median %.2f ms, p95 %.2f ms%n",
                frames - 1, f.length, f[f.length / 2] / 1e6, f[f.length * 95 / 100] / 1e6, f[f.length - 1] / 1e6, 1e9 / f[f.length / 2],
                r[r.length / 2] / 1e6, r[r.length * 95 / 100] / 1e6);
    }
}
