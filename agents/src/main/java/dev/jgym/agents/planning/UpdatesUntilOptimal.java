package dev.jgym.agents.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.agents.Evaluation;
import dev.jgym.agents.tabular.CountsUpdates;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.envs.grid.DynaMaze;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates until optimal solution (Sutton &amp; Barto, 2nd ed., section 8.4, Example 8.4): how much
 * computation Dyna-Q and prioritized sweeping spend before the greedy policy finds the goal by a
 * shortest path, on the Dyna maze of Example 8.1 at rising resolutions (each cell split into
 * k x k cells: {@link DynaMaze}'s {@code resolution}).
 *
 * <p>A run: a fresh agent (Q0 = 0, its model learned from experience) plays episodes from S;
 * after every episode the greedy policy (first maximal action on ties) is played from S, and the
 * run ends the first time it reaches G within {@code (1 + tolerance)} times the maze's shortest
 * path (13k + 1 steps), rounded down: at k = 1, 16 of the optimal 14 steps. The measure is the Q
 * updates the agent made until then ({@link CountsUpdates}: Dyna-Q 1 + n per real step,
 * prioritized sweeping its queue's; Zhang's reproduction also counts one per real step for
 * prioritized sweeping, though its real step only queues the pair). The tolerance is Zhang's reproduction's
 * ({@code chapter08/maze.py}, {@code check_path}: 1.2 times 14k, the original path scaled), taken
 * here relative to the true shortest path of the scaled maze; it is needed because with Q0 = 0 and
 * a deterministic model an agent may settle on a path a few steps longer that ε-greedy exploration
 * rarely improves. A run that gets no such path within {@code max_episodes} episodes is reported
 * as not reached and left out of the means.
 *
 * <p>Randomness: run r of agent L at resolution k acts from
 * {@code Rng(seed).child("agent").child(L).child(k).child(r)} and seeds its env with
 * {@code Rng(seed).child("env").child(k).child(r).seed()}; runs are independent, so the bytes do
 * not depend on the thread count.
 */
public final class UpdatesUntilOptimal {

    /**
     * Defaults in brackets.
     *
     * @param resolutions the maze resolutions k, each a maze of 47 k² open cells [1, 2, 3, 4, 5]
     * @param runs runs per agent and resolution [5]
     * @param tolerance a greedy path may be this fraction longer than the shortest [0.2]
     * @param maxEpisodes a run that has not reached such a path after this many episodes gives up [1000]
     * @param agents the learners, of types that count their updates ({@code dyna-q}, {@code prioritized-sweeping})
     */
    public record Settings(
            List<Integer> resolutions,
            Integer runs,
            Double tolerance,
            @JsonProperty("max_episodes") Integer maxEpisodes,
            @JsonProperty(required = true) List<AgentSpec> agents) {
        public Settings {
            resolutions = PlanningConfig.sizes("resolutions", resolutions == null ? List.of(1, 2, 3, 4, 5) : resolutions, 32);
            runs = runs == null ? 5 : runs;
            Check.size("runs", runs, 100_000);
            tolerance = tolerance == null ? 0.2 : tolerance;
            Check.inRange("tolerance", tolerance, 0, 10);
            maxEpisodes = maxEpisodes == null ? 1000 : maxEpisodes;
            Check.size("max_episodes", maxEpisodes, 10_000_000);
            Check.that(agents != null && !agents.isEmpty(), "agents", "expected a non-empty list of agents");
            agents = List.copyOf(agents);
        }
    }

    /**
     * @param label the name in the table and the figure (its streams derive from it)
     * @param type an agent type that counts its updates
     * @param settings the type's settings
     */
    public record AgentSpec(@JsonProperty(required = true) String label, @JsonProperty(required = true) String type, JsonNode settings) {
        public AgentSpec {
            Check.present("label", label);
            Check.that(!label.isBlank(), "label", "expected a non-empty string");
            Check.present("type", type);
            settings = settings == null || settings.isNull() ? JsonNodeFactory.instance.objectNode() : settings;
        }
    }

    /** One run: the updates until the greedy path was short enough, the episodes played, and whether it got there. */
    public record Count(long updates, int episodes, boolean reached) {}

    /** One maze of the study: its resolution, open cells, shortest path and the longest greedy path accepted. */
    public record Maze(int resolution, int states, int shortestPath, int limit) {}

    private UpdatesUntilOptimal() {}

    /** The maze at resolution k, measured. */
    public static Maze maze(String id, Map<String, Object> options, int k, double tolerance) {
        try (Env<Object, Object> env = EnvRegistry.make(id, withResolution(options, k))) {
            if (!((Object) env.unwrapped() instanceof DynaMaze maze)) throw new UserError("expected " + DynaMaze.ID + " (the maze it scales), found " + id);
            int shortest = maze.shortestPath();
            return new Maze(k, maze.openCells(), shortest, (int) Math.floor((1 + tolerance) * shortest + 1e-9));
        }
    }

    static Map<String, Object> withResolution(Map<String, Object> options, int k) {
        Map<String, Object> o = new HashMap<>(options);
        o.put("resolution", k);
        return o;
    }

    /**
     * Trains {@code agent} episode by episode on {@code env} (the first reset seeded with
     * {@code seed}) until, after an episode, its greedy policy played on {@code greedy} from a
     * fresh start reaches the goal within {@code limit} steps; at most {@code maxEpisodes} episodes.
     */
    public static Count count(Env<Object, Object> env, Env<Object, Object> greedy, TabularAgent agent, long seed, int limit, int maxEpisodes) {
        @SuppressWarnings("unchecked")
        Agent<Object, Object> raw = (Agent<Object, Object>) (Agent<?, ?>) agent;
        CountsUpdates counter = (CountsUpdates) agent;
        for (int episode = 1; episode <= maxEpisodes; episode++) {
            Simulator.Builder<Object, Object> sim = Simulator.builder(env, raw).maxEpisodes(1);
            if (episode == 1) sim.seed(seed);
            sim.build().run();
            Evaluation.Result path = Evaluation.run(greedy, agent::greedyAction, 1, 0);
            if (path.successRate() == 1 && path.meanLength() <= limit) return new Count(counter.updates(), episode, true);
        }
        return new Count(counter.updates(), maxEpisodes, false);
    }

    /** The env that plays the greedy policy: the maze with a time limit one step past {@code limit}. */
    public static Env<Object, Object> greedyEnv(String id, Map<String, Object> options, int limit) {
        Map<String, Object> o = new HashMap<>(options);
        o.put("max_episode_steps", limit + 1);
        return EnvRegistry.make(id, o);
    }

    /** Builds agent {@code spec} for {@code env} (a config mistake is a one-line {@link UserError} at {@code path}). */
    public static TabularAgent agent(AgentSpec spec, Env<?, ?> env, Rng rng, String source, String path) {
        Agent<?, ?> a = Agents.create(spec.type(), spec.settings(), source, path + ".settings", new AgentContext(spec.type(), env.observationSpace(), env.actionSpace(), rng));
        if (!(a instanceof TabularAgent t) || !(a instanceof CountsUpdates)) {
            throw new UserError(source + ": " + path + ".type: expected an agent type that counts its updates (dyna-q, prioritized-sweeping), found \"" + spec.type() + "\"");
        }
        return t;
    }

    /** Run r of agent {@code index} on maze {@code m}. */
    static Count run(String id, Map<String, Object> options, Maze m, AgentSpec spec, int r, Rng root, int maxEpisodes, String source, String path) {
        Map<String, Object> o = withResolution(options, m.resolution());
        try (Env<Object, Object> env = EnvRegistry.make(id, o); Env<Object, Object> greedy = greedyEnv(id, o, m.limit())) {
            TabularAgent agent = agent(spec, env, root.child("agent").child(spec.label()).child(m.resolution()).child(r), source, path);
            return count(env, greedy, agent, root.child("env").child(m.resolution()).child(r).seed(), m.limit(), maxEpisodes);
        }
    }
}
