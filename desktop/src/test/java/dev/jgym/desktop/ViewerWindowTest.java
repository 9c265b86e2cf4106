package dev.jgym.desktop;

import com.badlogic.gdx.math.Rectangle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.testing.Prerequisites;
import dev.jgym.envs.box2d.BipedalWalkerHeuristic;
import dev.jgym.envs.box2d.LunarLanderHeuristic;
import dev.jgym.replays.RecordReplay;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.Resimulation;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The real window: a child JVM opens the libgdx viewer (under {@code xvfb-run} when there is no
 * display), shows a frame of each replay, saves the frame buffer, and scrubs a 10,000-step replay
 * while timing frames (reported in {@code target/viewer-window/timings.txt}, never asserted). The
 * screenshots are then held against the scene: every circle's centre and every filled cell's
 * centre must show its colour (tolerance 8 per channel; the agent is one of them), and the
 * picture is not blank. Skipped when neither a display nor {@code xvfb-run} is available, failed
 * then under {@code CI=true} (scripts/setup.sh installs xvfb).
 */
class ViewerWindowTest {
    static final int TOLERANCE = 8;
    static final Path KEEP = Path.of("target", "viewer-window");

    @TempDir
    Path dir;

    /** A window can open: a display, or xvfb-run on the PATH of {@code env}; else skipped (failed under CI=true). */
    static void requireWindow(Map<String, String> env) {
        Prerequisites.require(env.get("DISPLAY") != null || onPath("xvfb-run", env),
                "no DISPLAY and no xvfb-run: the real-window test needs one (scripts/setup.sh installs xvfb)", env);
    }

    static boolean onPath(String exe, Map<String, String> env) {
        for (String p : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, exe))) return true;
        }
        return false;
    }

    /** Random play of one episode (at most {@code maxSteps}), recorded. */
    static Path record(Path file, String id, Map<String, Object> options, long seed, int maxSteps, boolean annotate) {
        return record(file, id, options, seed, maxSteps, annotate, "random", null);
    }

    /** One episode (at most {@code maxSteps}) of {@code agent}, or random play when it is null, recorded. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Path record(Path file, String id, Map<String, Object> options, long seed, int maxSteps, boolean annotate,
                       String label, Agent agent) {
        long[] t = {0};
        Env<Object, Object> made = EnvRegistry.make(id, options);
        Object space = made.actionSpace();
        int n = space instanceof dev.jgym.core.space.Discrete d ? d.n() : 2;
        try (Env<Object, Object> env = new RecordReplay<>(made, file, label,
                annotate ? () -> fakeValues(n, t[0]) : null)) {
            Object obs = env.reset(seed, Map.of()).observation();
            if (agent != null) agent.onEpisodeStart(obs);
            for (int i = 0; i < maxSteps; i++) {
                t[0]++;
                Step<Object> s = env.step(agent == null ? env.sampleAction() : agent.act(obs));
                obs = s.observation();
                if (s.done()) break;
            }
        }
        return file;
    }

    static Annotations fakeValues(int n, long t) {
        double[] q = new double[n];
        for (int i = 0; i < n; i++) q[i] = Math.sin(0.01 * t + i);
        return new Annotations(Map.of(Annotations.ACTION_VALUES, q), Map.of("epsilon", 0.1));
    }

    /** Runs a window command's main class in a child JVM (under xvfb-run without a display); asserts exit 0 within 100 s; returns its output. */
    static String runWindow(Path dir, Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) cmd.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        Path logFile = dir.resolve(main.getSimpleName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        boolean done = p.waitFor(100, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String log = Files.readString(logFile);
        assertTrue(done, main.getSimpleName() + " did not finish in 100 s:\n" + log);
        assertEquals(0, p.exitValue(), main.getSimpleName() + " exit code; log:\n" + log);
        return log;
    }

    /** Runs the viewer in a child JVM on {@code files}; returns the screenshot folder. */
    Path runViewer(List<Path> files, int scrubEpisode) throws IOException, InterruptedException {
        Path out = dir.resolve("shots");
        List<String> args = new ArrayList<>(List.of("--script", out.toString(), "--scrub-episode", Integer.toString(scrubEpisode)));
        files.forEach(f -> args.add(f.toString()));
        String log = runWindow(dir, DesktopMain.class, args);
        assertTrue(Files.exists(out.resolve("shots.csv")), "no shots.csv; log:\n" + log);
        Files.createDirectories(KEEP);
        try (var s = Files.list(out)) {
            for (Path f : s.toList()) Files.copy(f, KEEP.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return out;
    }

    @Test
    @DisplayName("grid env, MinAtar game and a 10k-step bandit replay: screenshots show each scene's colours where it puts them")
    void gridMinAtarAndScrubbing() throws Exception {
        requireWindow(System.getenv());
        List<Path> files = List.of(
                record(dir.resolve("lake.jgr"), "FrozenLake8x8-v1", Map.of(), 4, 60, false),
                record(dir.resolve("breakout.jgr"), "MinAtar/Breakout-v1", Map.of(), 2, 400, false),
                record(dir.resolve("bandit.jgr"), "GaussianBandit-v0", Map.of("max_episode_steps", 10_000), 1, 10_000, true));
        Path out = runViewer(files, 2);
        checkShots(out, files, 3);
        assertTrue(Files.exists(out.resolve("timings.txt")));
        System.out.println("viewer: " + Files.readString(out.resolve("timings.txt")).trim());
    }

    /** A Connect Four game of MCTS (200 playouts) against itself, each move's root visit counts and values recorded. */
    static Path mctsConnectFour(Path file, int moves) {
        Env<Object, Object> made = EnvRegistry.make("ConnectFour-v0", Map.of("opponent", "none"));
        dev.jgym.agents.search.Mcts mcts = new dev.jgym.agents.search.Mcts(dev.jgym.agents.search.Mcts.Settings.of(200), new dev.jgym.core.rng.Rng(5));
        Annotations[] last = {Annotations.NONE};
        try (Env<Object, Object> env = new RecordReplay<>(made, file, "mcts:200", () -> last[0])) {
            env.reset(0L, Map.of());
            dev.jgym.envs.games.board.BoardGame board = ((dev.jgym.envs.games.board.BoardGameEnv) (Object) made.unwrapped()).board();
            for (int i = 0; i < moves && !board.terminated(); i++) {
                int a = mcts.act(board);
                double[] visits = java.util.Arrays.stream(mcts.rootVisits()).asDoubleStream().toArray();
                last[0] = new Annotations(Map.of(Annotations.VISIT_COUNTS, visits, Annotations.ACTION_VALUES, mcts.rootValues()), Map.of());
                env.step(a);
            }
        }
        return file;
    }

    @Test
    @DisplayName("Connect Four with MCTS's visit counts and values: drawn above the columns and beside each bar (screenshot kept in docs/img)")
    void searchVisitCounts() throws Exception {
        requireWindow(System.getenv());
        List<Path> files = List.of(mctsConnectFour(dir.resolve("connect4.jgr"), 9));
        Path out = runViewer(files, -1);
        Path img = Path.of("..", "docs", "img");
        Files.createDirectories(img);
        Files.copy(out.resolve("shot-0.png"), img.resolve("viewer-connect4-mcts.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        checkShots(out, files, 1);
        BufferedImage shot = ImageIO.read(out.resolve("shot-0.png").toFile());
        Rectangle panel = ViewerLayout.panel(shot.getWidth(), shot.getHeight());
        int top = (int) (ViewerApp.HUD_HEIGHT + ViewerApp.MARGIN + 30);
        float rowH = ViewerApp.rowHeight(panel, 7);
        for (int row = 0; row < 7; row++) {
            int y0 = (int) (top + row * rowH), y1 = (int) (top + (row + 1) * rowH);
            int value = bright(shot, (int) (panel.x + panel.width - ViewerApp.VALUE_WIDTH + 2), (int) (panel.x + panel.width - 2), y0, y1);
            assertTrue(value > 10, "column " + row + ": the value is drawn (" + value + " bright pixels)");
        }
    }

    @Test
    @DisplayName("play --human in a real window: scripted key presses through the window's key handler walk FrozenLake (not slippery) to the goal; the replay re-simulates bit for bit")
    void humanPlay() throws Exception {
        requireWindow(System.getenv());
        Path rec = dir.resolve("human");
        String log = runWindow(dir, HumanPlayMain.class, List.of("--human", "FrozenLake-v1", "--option", "is_slippery=false", "--episodes", "2",
                "--record", rec.toString(), "--keys", "Right,Right,Down,Down,Down,Right,-*30,Down*16"));
        assertTrue(log.contains("2 episode(s) of FrozenLake-v1 played, mean return 0.5000 ([1.0, 0.0])"), log);
        List<Path> files = dev.jgym.replays.ReplayFiles.find(rec);
        assertEquals(2, files.size(), files.toString());
        assertEquals(List.of(2, 2, 1, 1, 1, 2), HumanSessionTest.actions(files.get(0)), "FrozenLake: 2 right, 1 down");
        assertEquals(List.of(1, 1, 1), HumanSessionTest.actions(files.get(1)), "a held Down repeats until the hole at (3, 0)");
        for (Path f : files) assertTrue(dev.jgym.replays.ReplayVerifier.verify(f).ok(), f.toString());
    }

    @Test
    @DisplayName("play --human --opponent minimax:9 in a real window: scripted digit keys play tic-tac-toe's first free cell and lose to perfect play (return -1); the replay of both sides verifies")
    void humanAgainstAnAgent() throws Exception {
        requireWindow(System.getenv());
        Path rec = dir.resolve("board");
        StringBuilder keys = new StringBuilder();
        for (int round = 0; round < 2; round++) {
            for (int cell = 1; cell <= 9; cell++) keys.append(keys.length() == 0 ? "" : ",").append(cell).append(",-*6");
        }
        String log = runWindow(dir, HumanPlayMain.class, List.of("--human", "TicTacToe-v0", "--opponent", "minimax:9", "--episodes", "1",
                "--record", rec.toString(), "--keys", keys.toString()));
        assertTrue(log.contains("1 episode(s) of TicTacToe-v0 played, mean return -1 ([-1.0])"), log);
        List<Path> files = dev.jgym.replays.ReplayFiles.find(rec);
        assertEquals(1, files.size(), files.toString());
        assertEquals(List.of(0, 4), HumanSessionTest.actions(files.get(0)).subList(0, 2), "the person's corner, the agent's centre");
        assertTrue(dev.jgym.replays.ReplayVerifier.verify(files.get(0)).ok(), files.get(0).toString());
    }

    @Test
    @DisplayName("without a display or xvfb-run the window tests are skipped, and fail under CI=true")
    void noWindowSkipsOutsideCiAndFailsUnderCi() {
        Map<String, String> bare = Map.of("PATH", dir.toString()); // no DISPLAY, and nothing on the PATH
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> requireWindow(bare));
        assertTrue(skipped.getMessage().contains("xvfb"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> requireWindow(Map.of("PATH", dir.toString(), "CI", "true")));
        assertTrue(failed.getMessage().startsWith("CI=true") && failed.getMessage().contains("xvfb"), failed.getMessage());
        requireWindow(Map.of("DISPLAY", ":0", "CI", "true")); // a display is enough
    }

    @Test
    @DisplayName("CartPole-v1 in a real window")
    void cartPole() throws Exception {
        requireWindow(System.getenv());
        List<Path> files = List.of(record(dir.resolve("cartpole.jgr"), "CartPole-v1", Map.of(), 3, 500, false));
        Path out = runViewer(files, -1);
        Files.copy(out.resolve("shot-0.png"), KEEP.resolve("cartpole.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        checkShots(out, files, 1);
    }

    @Test
    @DisplayName("CartPole with Q-values and a bandit with its legend: names and numbers are drawn beside each bar (screenshots kept in docs/img)")
    void valuesPanelAndBanditLegend() throws Exception {
        requireWindow(System.getenv());
        List<Path> files = List.of(record(dir.resolve("cartpole-q.jgr"), "CartPole-v1", Map.of(), 3, 200, true),
                record(dir.resolve("bandit.jgr"), "GaussianBandit-v0", Map.of(), 4, 300, true));
        Path out = runViewer(files, -1);
        Path img = Path.of("..", "docs", "img");
        Files.createDirectories(img);
        Files.copy(out.resolve("shot-0.png"), img.resolve("viewer-cartpole-q-values.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(out.resolve("shot-1.png"), img.resolve("viewer-bandit-legend.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage shot = ImageIO.read(out.resolve("shot-0.png").toFile());
        int w = shot.getWidth(), h = shot.getHeight();
        Rectangle panel = ViewerLayout.panel(w, h);
        float rowH = ViewerApp.rowHeight(panel, 2);
        int top = (int) (ViewerApp.HUD_HEIGHT + ViewerApp.MARGIN + 30); // y down: the first bar row starts here
        for (int row = 0; row < 2; row++) {
            int y0 = (int) (top + row * rowH), y1 = (int) (top + (row + 1) * rowH);
            int name = bright(shot, (int) panel.x + 6, (int) (panel.x + ViewerApp.BAR_LEFT - 4), y0, y1);
            int value = bright(shot, (int) (panel.x + panel.width - ViewerApp.VALUE_WIDTH + 2), (int) (panel.x + panel.width - 2), y0, y1);
            assertTrue(name > 15, "row " + row + ": the action name is drawn (" + name + " bright pixels)");
            assertTrue(value > 15, "row " + row + ": the value is drawn (" + value + " bright pixels)");
        }
    }

    @Test
    @DisplayName("LunarLander-v3 and BipedalWalker-v3 under their Gymnasium heuristics: every convex part shows its colour (screenshots kept in docs/img)")
    void box2d() throws Exception {
        requireWindow(System.getenv());
        List<Path> files = List.of(
                record(dir.resolve("lander.jgr"), "LunarLander-v3", Map.of(), 3, 1000, false, LunarLanderHeuristic.TYPE, new LunarLanderHeuristic(false)),
                record(dir.resolve("walker.jgr"), "BipedalWalker-v3", Map.of(), 3, 400, false, BipedalWalkerHeuristic.TYPE, new BipedalWalkerHeuristic()));
        Path out = runViewer(files, -1);
        Path img = Path.of("..", "docs", "img");
        Files.createDirectories(img);
        Files.copy(out.resolve("shot-0.png"), img.resolve("viewer-box2d-lunarlander.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(out.resolve("shot-1.png"), img.resolve("viewer-box2d-bipedalwalker.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        checkShots(out, files, 2);
    }

    /** Pixels brighter than the panel's dark grey in [x0, x1) x [y0, y1) (y down). */
    private static int bright(BufferedImage img, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                int c = img.getRGB(x, y);
                if (((c >> 16) & 0xff) + ((c >> 8) & 0xff) + (c & 0xff) > 3 * 140 || ((c >> 16) & 0xff) > 200) n++; // white text, or orange for the chosen action
            }
        }
        return n;
    }

    private static void checkShots(Path out, List<Path> files, int expected) throws IOException {
        List<String> rows = Files.readAllLines(out.resolve("shots.csv"));
        assertEquals(expected + 1, rows.size(), String.join("\n", rows));
        for (int i = 0; i < expected; i++) {
            String[] c = rows.get(i + 1).split(",");
            int frame = Integer.parseInt(c[1]);
            int fbHeight = Integer.parseInt(c[4]);
            float x = Float.parseFloat(c[5]), y = Float.parseFloat(c[6]), w = Float.parseFloat(c[7]), h = Float.parseFloat(c[8]);
            BufferedImage img = ImageIO.read(out.resolve(c[2]).toFile());
            Scene scene = sceneAt(files.get(i), frame);
            String what = files.get(i).getFileName() + " frame " + frame;
            assertTrue(distinctColours(img, x, fbHeight - y - h, w, h) >= 3, what + ": the picture is (nearly) blank");
            Viewport v = scene.viewport();
            double sx = w / v.width(), sy = h / v.height();
            int checked = 0;
            for (Shape s : scene.shapes()) {
                if (s instanceof Shape.Circle circle && !circle.fill().isTransparent() && circle.radius() * sx > 3) {
                    checkPixel(img, what + " circle", x + (circle.cx() - v.minX()) * sx, fbHeight - (y + (circle.cy() - v.minY()) * sy), circle.fill());
                    checked++;
                } else if (s instanceof Shape.Rect q && !q.fill().isTransparent() && q.width() * sx > 6 && q.height() * sy > 6) {
                    double cx = q.x() + q.width() / 2, cy = q.y() + q.height() / 2;
                    if (covered(scene, s, cx, cy)) continue;
                    checkPixel(img, what + " rect", x + (cx - v.minX()) * sx, fbHeight - (y + (cy - v.minY()) * sy), q.fill());
                    checked++;
                } else if (s instanceof Shape.Polygon p && !p.fill().isTransparent() && area(p) * sx * sy > 150) {
                    double cx = mean(p.xs()), cy = mean(p.ys());
                    boolean inView = cx > v.minX() && cx < v.minX() + v.width() && cy > v.minY() && cy < v.minY() + v.height();
                    if (!inView || !inside(p, cx, cy) || covered(scene, s, cx, cy)) continue;
                    checkPixel(img, what + " polygon", x + (cx - v.minX()) * sx, fbHeight - (y + (cy - v.minY()) * sy), p.fill());
                    checked++;
                } else if (s instanceof Shape.Cells g) {
                    for (int row = 0; row < g.rows(); row++) {
                        for (int col = 0; col < g.cols(); col++) {
                            Color colour = g.at(row, col);
                            if (colour.isTransparent() || colour.equals(scene.background())) continue;
                            double cx = g.x() + (col + 0.5) * g.cellSize(), cy = g.y() + (g.rows() - 1 - row + 0.5) * g.cellSize();
                            if (covered(scene, s, cx, cy)) continue;
                            checkPixel(img, what + " cell (" + row + "," + col + ")", x + (cx - v.minX()) * sx, fbHeight - (y + (cy - v.minY()) * sy), colour);
                            checked++;
                        }
                    }
                }
            }
            assertTrue(checked > 0, what + ": nothing to check in the scene");
        }
    }

    /** True when a later non-text shape may cover (cx, cy). */
    private static boolean covered(Scene scene, Shape cells, double cx, double cy) {
        boolean after = false;
        for (Shape s : scene.shapes()) {
            if (s == cells) {
                after = true;
                continue;
            }
            if (!after) continue;
            if (s instanceof Shape.Circle c && Math.hypot(cx - c.cx(), cy - c.cy()) <= c.radius() + c.strokeWidth()) return true;
            if (s instanceof Shape.Rect r && cx >= r.x() && cx <= r.x() + r.width() && cy >= r.y() && cy <= r.y() + r.height()) return true;
            if (s instanceof Shape.Text t && Math.abs(cy - t.y()) < t.size() && Math.abs(cx - t.x()) < t.size() * (t.text().length() + 1)) return true;
            if (s instanceof Shape.Line l && Math.abs((l.y2() - l.y1()) * cx - (l.x2() - l.x1()) * cy + l.x2() * l.y1() - l.y2() * l.x1())
                    / Math.max(1e-9, Math.hypot(l.x2() - l.x1(), l.y2() - l.y1())) < l.width() + 0.05
                    && cx >= Math.min(l.x1(), l.x2()) - l.width() && cx <= Math.max(l.x1(), l.x2()) + l.width()
                    && cy >= Math.min(l.y1(), l.y2()) - l.width() && cy <= Math.max(l.y1(), l.y2()) + l.width()) return true;
            if (s instanceof Shape.Polygon p && (inside(p, cx, cy) || nearEdge(p, cx, cy, p.strokeWidth() + 0.05))) return true;
            if (s instanceof Shape.Cells) return true;
        }
        return false;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return sum / v.length;
    }

    /** The polygon's area (shoelace formula). */
    private static double area(Shape.Polygon p) {
        double a = 0;
        for (int i = 0, j = p.xs().length - 1; i < p.xs().length; j = i++) a += p.xs()[j] * p.ys()[i] - p.xs()[i] * p.ys()[j];
        return Math.abs(a) / 2;
    }

    /** Whether (x, y) is inside the polygon (even-odd ray casting). */
    private static boolean inside(Shape.Polygon p, double x, double y) {
        double[] xs = p.xs(), ys = p.ys();
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) in = !in;
        }
        return in;
    }

    /** Whether (x, y) lies within {@code d} of one of the polygon's edges. */
    private static boolean nearEdge(Shape.Polygon p, double x, double y, double d) {
        double[] xs = p.xs(), ys = p.ys();
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            double ex = xs[i] - xs[j], ey = ys[i] - ys[j], len2 = ex * ex + ey * ey;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[j]) * ex + (y - ys[j]) * ey) / len2));
            if (Math.hypot(x - xs[j] - t * ex, y - ys[j] - t * ey) < d) return true;
        }
        return false;
    }

    private static Scene sceneAt(Path file, int frame) {
        Replay r = ReplayReader.read(file);
        try (Resimulation sim = new Resimulation(r, r.episodes().get(0))) {
            sim.start();
            for (int i = 0; i < frame; i++) sim.step();
            return sim.env().scene(frame == 0 ? Annotations.NONE : r.episodes().get(0).annotations(frame - 1));
        }
    }

    private static void checkPixel(BufferedImage img, String what, double px, double py, Color want) {
        int rgb = img.getRGB((int) Math.floor(px), (int) Math.floor(py));
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        assertTrue(Math.abs(r - want.red()) <= TOLERANCE && Math.abs(g - want.green()) <= TOLERANCE && Math.abs(b - want.blue()) <= TOLERANCE,
                String.format("%s at (%.0f, %.0f): expected #%02x%02x%02x, found #%06x", what, px, py, want.red(), want.green(), want.blue(), rgb & 0xffffff));
    }

    private static int distinctColours(BufferedImage img, double x, double y, double w, double h) {
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 40; j++) {
                int px = (int) Math.min(img.getWidth() - 1, x + w * (i + 0.5) / 40), py = (int) Math.min(img.getHeight() - 1, y + h * (j + 0.5) / 40);
                seen.add(img.getRGB(px, py) & 0xffffff);
            }
        }
        return seen.size();
    }
}
