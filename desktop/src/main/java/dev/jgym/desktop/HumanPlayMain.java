package dev.jgym.desktop;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jgym play --human <env-id>}: play an env yourself in a window with the keyboard (the keys
 * its spec declares, {@link dev.jgym.core.env.KeyControls}), every finished episode recorded as a
 * {@code .jgr} replay that re-simulates bit for bit and can serve as an imitation learner's expert
 * demonstrations. Prints the episodes' returns and where they went.
 */
@Command(name = "play", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Play an env yourself with the keyboard (--human), recording each finished episode as a .jgr replay.",
                "The window shows the keys; Esc quits (an unfinished episode is not kept).",
                "Needs a display; without one: xvfb-run -a -s \"-screen 0 1280x1024x24\" ./jgym play --human ..."})
public final class HumanPlayMain implements Callable<Integer> {
    @Option(names = "--human", required = true, description = "play the env yourself (the only mode of this window command)")
    boolean human;

    @Parameters(paramLabel = "<env-id>", description = "a registered env with keyboard controls (for example FrozenLake-v1, CartPole-v1, LunarLander-v3)")
    String id;

    @Option(names = "--episodes", paramLabel = "N", description = "episodes to play, 1 to 10000 (default: 3)")
    int episodes = 3;

    @Option(names = "--seed", paramLabel = "N", description = "episode k is reset with seed N + k (default: 0)")
    long seed = 0;

    @Option(names = "--record", paramLabel = "DIR", description = "the folder for the replays, numbered after those already there (default: runs/human-<env>)")
    Path record;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "an env option, repeatable (for example --option is_slippery=false)")
    List<String> options = new ArrayList<>();

    @Option(names = "--opponent", paramLabel = "SPEC", description = {"a two-player board game (TicTacToe-v0, ConnectFour-v0) against an agent, as `jgym arena` names them:",
            "random, minimax:D, mcts:N, uct:N, solver (Connect Four), az:FILE[:N] (an AlphaZero checkpoint or model)"})
    String opponent;

    @Option(names = "--second", description = "with --opponent: the agent moves first, you second")
    boolean second;

    @Option(names = "--size", paramLabel = "WxH", description = "the window's size in pixels (default: 900x700)")
    String size = "900x700";

    @Option(names = "--keys", hidden = true, paramLabel = "SCRIPT", description = "synthetic key presses, comma-separated KEY[+KEY][*FRAMES] (tests)")
    String keys;

    private HumanPlayMain() {}

    public static void main(String[] args) {
        System.exit(DesktopMain.execute(new HumanPlayMain(), "play", args));
    }

    @Override
    public Integer call() {
        if (episodes < 1 || episodes > 10_000) throw new UserError("play --human: --episodes: expected 1 to 10000, found " + episodes);
        int[] wh = DesktopMain.windowSize("play", size);
        Map<String, Object> opts = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) throw new UserError("play --human: --option: expected KEY=VALUE, found " + o);
            opts.put(o.substring(0, eq), HumanSession.optionValue(o.substring(eq + 1)));
        }
        List<KeyScript.Press> script = keys == null ? null : KeyScript.parse(keys);
        DesktopMain.requireDisplay("play --human");
        Path dir = record != null ? record : Path.of("runs", "human-" + id.replace('/', '-'));
        HumanSession session = new HumanSession(id, opts, episodes, seed, dir, opponent, second);
        HumanPlayApp app = new HumanPlayApp(session, script);
        new Lwjgl3Application(app, DesktopMain.window("jgym play --human " + id, wh, script != null));
        session.close();
        List<Double> r = session.returns();
        double mean = r.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%d episode(s) of %s played%s; replays in %s%n", r.size(), id,
                r.isEmpty() ? "" : String.format(Locale.ROOT, ", mean return %s (%s)", ViewerModel.number(mean), r), dir);
        return 0;
    }
}
