package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.envs.games.board.BoardGameEnv;
import dev.jgym.replays.ReplayFormat;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps every self-play game as a {@code .jgr} replay: iteration i's games are the episodes of
 * {@code replays/selfplay/iteration-NNNN.jgr} (episode g is game g), on the turn-based form of the
 * game's env ({@code TicTacToe-v0} or {@code ConnectFour-v0} with {@code opponent "none"}: each
 * step is a move of the player to move), so {@code jgym replay verify} re-simulates them and
 * {@code jgym view} draws them. Each step carries the search that chose the move: the root's
 * visit counts ({@code visit_counts}), its Q per move ({@code action_values}, 0 where unvisited) and its
 * value ({@code value}), all for the player who moved.
 */
final class AzReplays {
    static final String FOLDER = "selfplay";
    private final Path dir;
    private final String envId;
    private final Map<String, Object> options = Map.of("opponent", "none");
    private final JsonNode configJson;
    private final String agent;

    AzReplays(Path dir, AzConfig config) {
        this.dir = dir;
        this.envId = config.game().equals("tictactoe") ? BoardGameEnv.TIC_TAC_TOE : BoardGameEnv.CONNECT_FOUR;
        this.configJson = Json.MAPPER.valueToTree(config);
        this.agent = "alphazero " + config.name();
    }

    /** The replay of iteration {@code i} (from 0) in a replays folder. */
    static Path file(Path dir, int iteration) {
        return dir.resolve(String.format(Locale.ROOT, "iteration-%04d%s", iteration + 1, ReplayFormat.SUFFIX));
    }

    @SuppressWarnings("unchecked")
    void write(int iteration, List<SelfPlayGame> games) {
        try (Env<int[], Integer> env = (Env<int[], Integer>) (Env<?, ?>) EnvRegistry.make(envId, options)) {
            ReplayHeader header = ReplayHeader.of(envId, options, env, 0, agent + " iteration " + (iteration + 1), null, configJson);
            try (ReplayWriter w = ReplayWriter.create(file(dir, iteration), header)) {
                for (int g = 0; g < games.size(); g++) {
                    SelfPlayGame sp = games.get(g);
                    w.beginEpisode(g, 0, null, env.reset(0L).observation());
                    int actions = sp.policies().length / sp.moves();
                    for (int t = 0; t < sp.moves(); t++) {
                        double[] visits = new double[actions], q = new double[actions];
                        for (int a = 0; a < actions; a++) {
                            visits[a] = sp.visits()[t * actions + a];
                            float v = sp.qs()[t * actions + a];
                            q[a] = Float.isNaN(v) ? 0 : v;
                        }
                        Annotations notes = new Annotations(Map.of(Annotations.VISIT_COUNTS, visits, Annotations.ACTION_VALUES, q),
                                Map.of("value", (double) sp.rootValues()[t]));
                        Step<int[]> st = env.step(sp.actions()[t]);
                        w.step(sp.actions()[t], st.reward(), st.terminated(), st.truncated(), st.observation(), notes);
                    }
                    w.endEpisode();
                }
            }
        }
    }
}
