package dev.jgym.desktop;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Rectangle;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The viewer window: the scene of the current frame (drawn by {@link GdxSceneRenderer}), a HUD
 * on top, a timeline at the bottom, Q-value bars on the right when the replay carries
 * {@code action_values} (the chosen action highlighted), the learning curve in live mode, the
 * help overlay and a red message bar for a replay with a problem. Controls map to
 * {@link ViewerModel}, which holds all the logic.
 */
public final class ViewerApp extends ApplicationAdapter {
    static final float HUD_HEIGHT = 52, TIMELINE_HEIGHT = 30, PANEL_WIDTH = 240, MARGIN = 8;
    private static final Color PANEL = Color.rgb(0x20242c), TEXT = Color.rgb(0xf0f0f0), DIM = Color.rgb(0x8890a0),
            ACCENT = Color.rgb(0xff7f0e), BAR = Color.rgb(0x1f77b4), ERROR = Color.rgb(0xb3261e);

    private final ViewerModel model = new ViewerModel();
    private final EpisodeLoader loader;
    private final List<Path> initial;
    private final LiveFollower live;
    private final ScreenshotScript script;
    private final PrintStream err;
    private GdxSceneRenderer renderer;
    private Rectangle timeline = new Rectangle();
    private Rectangle lastSceneRect = new Rectangle();
    private double pollTimer;
    private Map<String, double[]> curves = Map.of();
    private String curveTitle = "";
    private String liveStatus = "";

    public ViewerApp(List<Path> files, Path liveDir, ScreenshotScript script, PrintStream err) {
        this.initial = files;
        this.live = liveDir == null ? null : new LiveFollower(liveDir);
        this.script = script;
        this.err = err;
        this.loader = new EpisodeLoader(err);
    }

    public ViewerModel model() {
        return model;
    }

    /** Opens files or folders (replacing what is shown). */
    public void open(List<Path> paths) {
        List<PlayableEpisode> all = new java.util.ArrayList<>();
        for (Path p : paths) all.addAll(loader.load(p));
        model.setEpisodes(all);
    }

    @Override
    public void create() {
        renderer = new GdxSceneRenderer();
        renderer.resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
        if (!initial.isEmpty()) open(initial);
        if (live != null) liveStatus = "live: waiting for the first replay in " + initial;
        Gdx.input.setInputProcessor(new InputAdapter() {
            @Override
            public boolean keyDown(int key) {
                ViewerModel.Control c = control(key);
                if (c != null) model.control(c);
                else if (key == Input.Keys.ESCAPE) {
                    if (model.helpVisible()) model.control(ViewerModel.Control.HELP);
                    else Gdx.app.exit();
                }
                return true;
            }

            @Override
            public boolean keyTyped(char ch) {
                if (ch == '?') model.control(ViewerModel.Control.HELP);
                else if (ch == '[') model.control(ViewerModel.Control.PREVIOUS_EPISODE);
                else if (ch == ']') model.control(ViewerModel.Control.NEXT_EPISODE);
                else if (ch == '+') model.control(ViewerModel.Control.FASTER);
                else if (ch == '-') model.control(ViewerModel.Control.SLOWER);
                return true;
            }

            @Override
            public boolean touchDown(int x, int y, int pointer, int button) {
                return scrub(x, Gdx.graphics.getHeight() - y, true);
            }

            @Override
            public boolean touchDragged(int x, int y, int pointer) {
                return scrub(x, Gdx.graphics.getHeight() - y, false);
            }
        });
    }

    /** The control a key stands for (keys with a typed character are handled in keyTyped). */
    static ViewerModel.Control control(int key) {
        switch (key) {
            case Input.Keys.SPACE: return ViewerModel.Control.PLAY_PAUSE;
            case Input.Keys.RIGHT: return ViewerModel.Control.STEP_FORWARD;
            case Input.Keys.LEFT: return ViewerModel.Control.STEP_BACK;
            case Input.Keys.UP: return ViewerModel.Control.FASTER;
            case Input.Keys.DOWN: return ViewerModel.Control.SLOWER;
            case Input.Keys.PAGE_DOWN: return ViewerModel.Control.NEXT_EPISODE;
            case Input.Keys.PAGE_UP: return ViewerModel.Control.PREVIOUS_EPISODE;
            case Input.Keys.HOME: return ViewerModel.Control.FIRST_FRAME;
            case Input.Keys.END: return ViewerModel.Control.LAST_FRAME;
            case Input.Keys.F1: return ViewerModel.Control.HELP;
            default: return null;
        }
    }

    private boolean scrub(int x, int y, boolean start) {
        if (start && !timeline.contains(x, y)) return false;
        if (timeline.width > 0) model.scrubTo((x - timeline.x) / timeline.width);
        return true;
    }

    @Override
    public void resize(int width, int height) {
        if (renderer != null) renderer.resize(width, height);
    }

    @Override
    public void render() {
        long start = System.nanoTime();
        float dt = Gdx.graphics.getDeltaTime();
        if (script != null) script.beforeFrame(this);
        else model.update(dt);
        if (live != null) pollLive(dt);
        int w = Gdx.graphics.getWidth(), h = Gdx.graphics.getHeight();
        Gdx.gl.glClearColor(0.08f, 0.09f, 0.11f, 1);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        boolean panel = !model.annotations().vectors().isEmpty() || live != null;
        Rectangle area = new Rectangle(MARGIN, TIMELINE_HEIGHT + 2 * MARGIN, w - 2 * MARGIN - (panel ? PANEL_WIDTH + MARGIN : 0),
                h - HUD_HEIGHT - TIMELINE_HEIGHT - 3 * MARGIN);
        Scene scene = model.scene();
        if (scene != null && area.width > 4 && area.height > 4) lastSceneRect = renderer.draw(scene, area);
        else lastSceneRect = new Rectangle();
        timeline = new Rectangle(MARGIN, MARGIN, w - 2 * MARGIN, TIMELINE_HEIGHT);
        drawChrome(w, h, panel);
        if (script != null) script.afterFrame(this, System.nanoTime() - start);
    }

    private void pollLive(float dt) {
        pollTimer -= dt;
        if (pollTimer > 0) return;
        pollTimer = 1.0;
        Path newest = live.newReplay();
        LiveFollower.Curves now = live.curves();
        curves = now.lines();
        curveTitle = now.title();
        if (newest != null) {
            int keep = model.episodeIndex();
            model.setEpisodes(loader.load(newest));
            model.selectEpisode(keep);
            liveStatus = "live: newest replay " + newest.getFileName();
        }
    }

    private void drawChrome(int w, int h, boolean panel) {
        ShapeRenderer s = renderer.shapes();
        s.begin(ShapeRenderer.ShapeType.Filled);
        color(s, PANEL);
        s.rect(0, h - HUD_HEIGHT, w, HUD_HEIGHT);
        // timeline: track, progress, thumb
        color(s, Color.DARK_GREY);
        s.rect(timeline.x, timeline.y + timeline.height / 2 - 3, timeline.width, 6);
        PlayableEpisode e = model.current();
        if (e != null && e.frameCount() > 1) {
            float fx = timeline.x + timeline.width * model.frame() / (float) (e.frameCount() - 1);
            color(s, BAR);
            s.rect(timeline.x, timeline.y + timeline.height / 2 - 3, fx - timeline.x, 6);
            color(s, ACCENT);
            s.rect(fx - 3, timeline.y + 2, 6, timeline.height - 4);
        }
        Rectangle panelRect = ViewerLayout.panel(w, h);
        Rectangle bannerRect = ViewerLayout.banner(w, h, panel);
        if (panel) {
            color(s, PANEL);
            s.rect(panelRect.x, panelRect.y, panelRect.width, panelRect.height);
            drawBars(s, panelRect);
            drawCurves(s, panelRect);
        }
        String problem = e == null ? null : e.problem();
        if (problem != null) {
            color(s, ERROR);
            s.rect(bannerRect.x, bannerRect.y, bannerRect.width, bannerRect.height);
        }
        if (model.helpVisible()) {
            s.setColor(0, 0, 0, 0.8f);
            s.rect(w / 2f - 260, h / 2f - 120, 520, 240);
        }
        s.end();
        var b = renderer.batch();
        b.begin();
        List<String> hud = model.hud();
        for (int i = 0; i < hud.size(); i++) renderer.text(hud.get(i), MARGIN, h - 15 - 22 * i, 19, TEXT, Shape.Anchor.LEFT);
        if (!liveStatus.isEmpty()) renderer.text(liveStatus, w - MARGIN, h - 15, 16, DIM, Shape.Anchor.RIGHT);
        if (problem != null) renderer.text(problem, bannerRect.x + MARGIN, bannerRect.y + 14, 17, TEXT, Shape.Anchor.LEFT);
        if (panel) panelTexts(panelRect);
        if (model.helpVisible()) {
            for (int i = 0; i < ViewerModel.HELP_LINES.size(); i++) {
                renderer.text(ViewerModel.HELP_LINES.get(i), w / 2f - 240, h / 2f + 95 - 26 * i, 19, TEXT, Shape.Anchor.LEFT);
            }
        }
        b.end();
    }

    /** Bars run from {@code BAR_LEFT} into the panel to {@code VALUE_WIDTH} before its right edge; names and numbers flank them. */
    static final float BAR_LEFT = 100, VALUE_WIDTH = 58;

    private void drawBars(ShapeRenderer s, Rectangle p) {
        Annotations.Bars bars = model.annotations().bars();
        if (bars == null) return;
        double[] q = bars.values();
        double lo = 0, hi = 0;
        for (double v : q) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo == 0 ? 1 : hi - lo;
        float top = p.y + p.height - 30, rowH = rowHeight(p, q.length), left = p.x + BAR_LEFT, width = p.width - BAR_LEFT - VALUE_WIDTH;
        float zero = left + (float) ((0 - lo) / span) * width;
        Object a = model.action();
        for (int i = 0; i < q.length; i++) {
            float y = top - (i + 1) * rowH;
            float x = left + (float) ((q[i] - lo) / span) * width;
            boolean chosen = a instanceof Integer c && c == i;
            if (chosen) {
                color(s, Color.rgb(0x3a3020));
                s.rect(p.x + 2, y + 1, p.width - 4, rowH - 2);
            }
            color(s, chosen ? ACCENT : BAR);
            s.rect(Math.min(zero, x), y + 2, Math.max(1, Math.abs(x - zero)), rowH - 4);
        }
    }

    static float rowHeight(Rectangle p, int n) {
        return Math.min(22, (p.height / 2 - 40) / n);
    }

    /** The plot area of the learning curve in the panel's lower half (room on the left for tick labels). */
    static Rectangle plot(Rectangle p) {
        return new Rectangle(p.x + 46, p.y + 24, p.width - 56, p.height / 2 - 60);
    }

    private double[] curveRange() {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double[] r : curves.values()) {
            for (double v : r) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) {
            lo -= 1;
            hi += 1;
        }
        return new double[] {lo, hi};
    }

    private int curveLength() {
        int n = 0;
        for (double[] r : curves.values()) n = Math.max(n, r.length);
        return n;
    }

    private void drawCurves(ShapeRenderer s, Rectangle p) {
        int n = curveLength();
        if (n == 0) return;
        Rectangle c = plot(p);
        double[] range = curveRange();
        double lo = range[0], span = range[1] - range[0];
        color(s, Color.rgb(0x3a404c));
        for (double t : ViewerLayout.ticks(lo, range[1], 5)) s.rectLine(c.x, c.y + (float) ((t - lo) / span) * c.height, c.x + c.width,
                c.y + (float) ((t - lo) / span) * c.height, 1);
        for (double t : ViewerLayout.ticks(1, Math.max(2, n), 4)) {
            float x = c.x + c.width * (float) ((t - 1) / Math.max(1, n - 1));
            s.rectLine(x, c.y - 4, x, c.y, 1);
        }
        Color[] palette = {Color.BLUE, Color.ORANGE, Color.GREEN, Color.RED, Color.PURPLE};
        int k = 0;
        for (double[] r : curves.values()) {
            Color base = palette[k++ % palette.length];
            // the raw returns faint, their rolling mean bold on top
            s.setColor(base.red() / 255f, base.green() / 255f, base.blue() / 255f, 0.35f);
            polyline(s, c, r, n, lo, span, 1);
            color(s, base);
            polyline(s, c, ViewerLayout.rollingMean(r, ViewerLayout.window(r.length)), n, lo, span, 2.5f);
            if (r.length == 1) s.circle(c.x, c.y + (float) ((r[0] - lo) / span) * c.height, 3);
        }
    }

    private static void polyline(ShapeRenderer s, Rectangle c, double[] r, int n, double lo, double span, float width) {
        for (int i = 1; i < r.length; i++) {
            float x0 = c.x + c.width * (i - 1) / Math.max(1, n - 1), x1 = c.x + c.width * i / Math.max(1, n - 1);
            s.rectLine(x0, c.y + (float) ((r[i - 1] - lo) / span) * c.height, x1, c.y + (float) ((r[i] - lo) / span) * c.height, width);
        }
    }

    private void panelTexts(Rectangle p) {
        Annotations.Bars bars = model.annotations().bars();
        if (bars != null) {
            double[] q = bars.values();
            renderer.text(bars.title() + " (chosen in orange)", p.x + 10, p.y + p.height - 14, 16, DIM, Shape.Anchor.LEFT);
            float top = p.y + p.height - 30, rowH = rowHeight(p, q.length);
            float size = Math.max(10, Math.min(16, rowH - 4));
            Object a = model.action();
            for (int i = 0; i < q.length; i++) {
                boolean chosen = a instanceof Integer c && c == i;
                float y = top - (i + 0.5f) * rowH;
                renderer.text(ViewerLayout.barName(model.current(), i), p.x + 8, y, size, chosen ? ACCENT : TEXT, Shape.Anchor.LEFT);
                renderer.text(ViewerLayout.value(q[i]), p.x + p.width - 6, y, size, chosen ? ACCENT : TEXT, Shape.Anchor.RIGHT);
            }
            int row = 0;
            for (Map.Entry<String, Double> sc : model.annotations().scalars().entrySet()) {
                renderer.text(sc.getKey() + " " + ViewerModel.number(sc.getValue()), p.x + 10, top - (q.length + 1 + row++) * rowH, 16, TEXT,
                        Shape.Anchor.LEFT);
            }
        }
        int n = curveLength();
        if (n > 0) {
            renderer.text(curveTitle + ", rolling mean of " + ViewerLayout.window(n) + ": " + String.join(", ", curves.keySet()), p.x + 10,
                    p.y + p.height / 2 - 14, 15, DIM, Shape.Anchor.LEFT);
            Rectangle c = plot(p);
            double[] range = curveRange();
            for (double t : ViewerLayout.ticks(range[0], range[1], 5)) {
                renderer.text(ViewerLayout.tick(t), c.x - 4, c.y + (float) ((t - range[0]) / (range[1] - range[0])) * c.height, 12, DIM,
                        Shape.Anchor.RIGHT);
            }
            for (double t : ViewerLayout.ticks(1, Math.max(2, n), 4)) {
                renderer.text(ViewerLayout.tick(t), c.x + c.width * (float) ((t - 1) / Math.max(1, n - 1)), c.y - 12, 12, DIM, Shape.Anchor.CENTER);
            }
        }
    }

    private static void color(ShapeRenderer s, Color c) {
        s.setColor(c.red() / 255f, c.green() / 255f, c.blue() / 255f, c.alpha() / 255f);
    }

    /** Where the last frame's scene was drawn (frame-buffer pixels, y up). */
    public Rectangle sceneRect() {
        return new Rectangle(lastSceneRect);
    }

    /** Writes the frame buffer as a PNG, right side up. */
    public void screenshot(Path file) {
        int w = Gdx.graphics.getBackBufferWidth(), h = Gdx.graphics.getBackBufferHeight();
        Pixmap p = Pixmap.createFromFrameBuffer(0, 0, w, h);
        try {
            PixmapIO.writePNG(Gdx.files.absolute(file.toAbsolutePath().toString()), p, Deflater.DEFAULT_COMPRESSION, true);
        } finally {
            p.dispose();
        }
    }

    @Override
    public void dispose() {
        if (renderer != null) renderer.dispose();
    }

    PrintStream err() {
        return err;
    }
}
