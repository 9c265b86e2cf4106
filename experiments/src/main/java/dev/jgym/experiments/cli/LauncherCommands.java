package dev.jgym.experiments.cli;

import dev.jgym.core.config.UserError;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands the {@code ./jgym} launcher runs itself (they need another class path, a display
 * or Maven): documented here so {@code jgym --help} lists them and {@code jgym <command> --help}
 * explains them.
 */
final class LauncherCommands {
    private LauncherCommands() {}

    static List<Object> all() {
        return List.of(new View(), new Test(), new Bench(), new Setup());
    }

    abstract static class LauncherOnly implements Callable<Integer> {
        @Override
        public Integer call() {
            String name = getClass().getAnnotation(Command.class).name();
            throw new UserError(name + ": runs through the launcher: ./jgym " + name + " ...");
        }
    }

    @Command(name = "view", mixinStandardHelpOptions = true,
            description = {"The libgdx desktop viewer: a replay, a run folder's replays, or a run in progress (--live).",
                    "Needs a display; without one: xvfb-run -a -s \"-screen 0 1280x1024x24\" ./jgym view ..."})
    static final class View extends LauncherOnly {
        @Parameters(arity = "0..*", paramLabel = "<file.jgr | run-dir>", description = "replay files or run folders (more can be dropped on the window)")
        List<String> targets;

        @Option(names = "--live", description = "follow one run folder while it trains")
        boolean live;

        @Option(names = "--size", paramLabel = "WxH", description = "the window's size in pixels (default: 1100x760)")
        String size;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Install what the tests need (as root with apt-get), fetch their data, then run the test suite.")
    static final class Test extends LauncherOnly {
        @Option(names = "--learning", description = "the long learning experiments (tests tagged learning)")
        boolean learning;
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Build and run the JMH benchmarks; the arguments go to JMH (for example a benchmark name).")
    static final class Bench extends LauncherOnly {
        @Parameters(paramLabel = "JMH-ARGS", arity = "0..*", description = "JMH's own arguments")
        List<String> args;
    }

    @Command(name = "setup", mixinStandardHelpOptions = true, description = "Install a JDK, Maven and the Debian packages the tests use (as root), or print the command to run.")
    static final class Setup extends LauncherOnly {}
}
