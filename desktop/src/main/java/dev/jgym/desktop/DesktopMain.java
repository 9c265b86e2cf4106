package dev.jgym.desktop;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3WindowAdapter;
import com.badlogic.gdx.Gdx;
import dev.jgym.core.config.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jgym view [--live] <file.jgr | run-dir>...}: the desktop viewer (libgdx, LWJGL3). With
 * {@code --live} it follows a run folder as {@code jgym train} writes it. Files and folders can
 * also be dropped on the window. A mistake in the arguments is one line and exit code 2.
 */
public final class DesktopMain {
    static final String USAGE = "usage: jgym view [--live] <file.jgr | run-dir>... [--size WxH]";

    private DesktopMain() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (UserError e) {
            System.err.println("jgym: " + e.getMessage());
            System.exit(2);
        }
    }

    static void run(String[] args) {
        List<Path> paths = new ArrayList<>();
        boolean live = false;
        Path script = null;
        int shotFrame = -1, scrubEpisode = -1, width = 1100, height = 760;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--live" -> live = true;
                case "--script" -> script = Path.of(next(args, ++i, a));
                case "--shot-frame" -> shotFrame = integer(a, next(args, ++i, a));
                case "--scrub-episode" -> scrubEpisode = integer(a, next(args, ++i, a));
                case "--size" -> {
                    String[] wh = next(args, ++i, a).split("x");
                    if (wh.length != 2) throw new UserError("--size: expected WIDTHxHEIGHT, found " + args[i]);
                    width = integer(a, wh[0]);
                    height = integer(a, wh[1]);
                }
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (a.startsWith("-")) throw new UserError("view: unknown option " + a + " (" + USAGE + ")");
                    Path p = Path.of(a);
                    if (!Files.exists(p) && !live) throw new UserError("view: " + p + ": no such file or folder");
                    paths.add(p);
                }
            }
        }
        if (live && paths.size() != 1) throw new UserError("view --live: expected one run folder (" + USAGE + ")");
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            throw new UserError("view: no display (DISPLAY is not set); on a machine without one run it under Xvfb: "
                    + "xvfb-run -a -s \"-screen 0 1280x1024x24\" ./jgym view ...");
        }
        if (script != null) {
            try {
                Files.createDirectories(script);
            } catch (java.io.IOException e) {
                throw new UserError(script + ": cannot create the folder (" + e.getMessage() + ")");
            }
        }
        ScreenshotScript s = script == null ? null : new ScreenshotScript(script, shotFrame, scrubEpisode);
        ViewerApp app = new ViewerApp(paths, live ? paths.get(0) : null, s, System.err);
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("jgym view" + (paths.isEmpty() ? "" : " - " + paths.get(0)));
        config.setWindowedMode(width, height);
        config.disableAudio(true);
        config.useVsync(s == null);
        config.setForegroundFPS(s == null ? 60 : 0);
        config.setWindowListener(new Lwjgl3WindowAdapter() {
            @Override
            public void filesDropped(String[] files) {
                List<Path> dropped = new ArrayList<>();
                for (String f : files) dropped.add(Path.of(f));
                Gdx.app.postRunnable(() -> app.open(dropped));
            }
        });
        new Lwjgl3Application(app, config);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) throw new UserError(option + ": missing value");
        return args[i];
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new UserError(option + ": expected an integer, found \"" + text + "\"");
        }
    }
}
