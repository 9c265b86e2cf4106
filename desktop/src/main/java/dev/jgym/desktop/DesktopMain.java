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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jgym view [--live] <file.jgr | run-dir>...}: the desktop viewer (libgdx, LWJGL3). With
 * {@code --live} it follows a run folder as {@code jgym train} writes it. Files and folders can
 * also be dropped on the window. A mistake in the arguments is one line and exit code 2.
 */
@Command(name = "view", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The libgdx desktop viewer: replays, a run folder's replays, or a run in progress (--live).",
                "Keys: space play/pause, left/right step, up/down speed, home/end, page up/down the episode, F1 or ? help.",
                "Needs a display; without one: xvfb-run -a -s \"-screen 0 1280x1024x24\" ./jgym view ..."})
public final class DesktopMain implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "<file.jgr | run-dir>", description = "replay files or run folders (more can be dropped on the window)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--live", description = "follow one run folder while it trains")
    boolean live;

    @Option(names = "--size", paramLabel = "WxH", description = "the window's size in pixels (default: 1100x760)")
    String size = "1100x760";

    @Option(names = "--script", hidden = true, paramLabel = "DIR", description = "screenshots into DIR, then exit (tests)")
    Path script;

    @Option(names = "--shot-frame", hidden = true, paramLabel = "N")
    int shotFrame = -1;

    @Option(names = "--scrub-episode", hidden = true, paramLabel = "N")
    int scrubEpisode = -1;

    private DesktopMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return execute(new DesktopMain(), "view", args);
    }

    /** Runs a window command: a mistake in the arguments or a {@link UserError} is one line on stderr and exit 2. */
    static int execute(Object command, String name, String[] args) {
        CommandLine cl = new CommandLine(command);
        cl.setParameterExceptionHandler((ex, a) -> {
            String m = ex.getMessage() == null ? "invalid command line" : ex.getMessage().replace(System.lineSeparator(), " ");
            List<String> suggestions = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getSuggestions() : List.of();
            System.err.println("jgym: " + name + ": " + Character.toLowerCase(m.charAt(0)) + m.substring(1)
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?") + " (`jgym " + name + " --help`)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError) {
                System.err.println("jgym: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** {@code --size WxH} as {width, height}, checked. */
    static int[] windowSize(String command, String size) {
        String[] wh = size.split("x");
        int width, height;
        try {
            if (wh.length != 2) throw new NumberFormatException();
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        } catch (NumberFormatException e) {
            throw new UserError(command + ": --size: expected WIDTHxHEIGHT, found " + size);
        }
        if (width < 200 || height < 150 || width > 10000 || height > 10000) {
            throw new UserError(command + ": --size: expected a width in [200, 10000] and a height in [150, 10000], found " + size);
        }
        return new int[] {width, height};
    }

    /** Refuses to start without a display, saying how to run under Xvfb. */
    static void requireDisplay(String command) {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            throw new UserError(command + ": no display (DISPLAY is not set); on a machine without one run it under Xvfb: "
                    + "xvfb-run -a -s \"-screen 0 1280x1024x24\" ./jgym " + command + " ...");
        }
    }

    /** The window: title, size, no audio; a scripted (test) run renders as fast as it can. */
    static Lwjgl3ApplicationConfiguration window(String title, int[] size, boolean scripted) {
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle(title);
        config.setWindowedMode(size[0], size[1]);
        config.disableAudio(true);
        config.useVsync(!scripted);
        config.setForegroundFPS(scripted ? 0 : 60);
        return config;
    }

    @Override
    public Integer call() {
        int[] wh = windowSize("view", size);
        if (!live) {
            for (Path p : paths) if (!Files.exists(p)) throw new UserError("view: " + p + ": no such file or folder");
        }
        if (live && paths.size() != 1) throw new UserError("view --live: expected one run folder, found " + paths.size());
        requireDisplay("view");
        if (script != null) {
            try {
                Files.createDirectories(script);
            } catch (java.io.IOException e) {
                throw new UserError(script + ": cannot create the folder (" + e.getMessage() + ")");
            }
        }
        ScreenshotScript s = script == null ? null : new ScreenshotScript(script, shotFrame, scrubEpisode);
        ViewerApp app = new ViewerApp(paths, live ? paths.get(0) : null, s, System.err);
        Lwjgl3ApplicationConfiguration config = window("jgym view" + (paths.isEmpty() ? "" : " - " + paths.get(0)), wh, s != null);
        config.setWindowListener(new Lwjgl3WindowAdapter() {
            @Override
            public void filesDropped(String[] files) {
                List<Path> dropped = new ArrayList<>();
                for (String f : files) dropped.add(Path.of(f));
                Gdx.app.postRunnable(() -> app.open(dropped));
            }
        });
        new Lwjgl3Application(app, config);
        return 0;
    }
}
