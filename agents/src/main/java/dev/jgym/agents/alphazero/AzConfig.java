package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * An AlphaZero self-play run as data. {@code jgym train} takes it for a config with a top-level
 * {@code "alphazero"} key.
 *
 * <pre>{@code
 * {
 *   "name": "alphazero-tictactoe",
 *   "seed": 1,
 *   "game": "tictactoe",
 *   "alphazero": {"iterations": 40, "games_per_iteration": 32, "simulations": 50, "c_puct": 1.5,
 *                 "dirichlet_alpha": 1.0, "dirichlet_epsilon": 0.25, "temperature_moves": 4,
 *                 "window": 400, "batch_size": 64, "train_steps": 60,
 *                 "network": {"hidden": [64, 64], "activation": "relu"},   (optional "encoder": [conv2d, ... specs])
 *                 "optimizer": {"type": "adam", "lr": 0.002, "weight_decay": 0.0001}},
 *   "evaluation": {"interval": 10, "games": 20, "opponent": "minimax:2"},
 *   "checkpoint": {"interval": 10}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed root of every random stream: initial weights from {@code child("init")}, self-play
 *     game g of iteration i from {@code child("selfplay").child(i).child(g)}, iteration i's
 *     minibatches and symmetries from {@code child("train").child(i)}, the reference player of
 *     evaluation game j at iteration i from {@code child("eval").child(i).child(j)}
 * @param game {@code tictactoe} or {@code connect4}
 * @param backend {@code cpu} (default) or {@code auto} (the CPU backend)
 * @param alphazero the algorithm's settings
 * @param evaluation games against a reference player at intervals
 * @param checkpoint how often to write a checkpoint
 * @param replays keep every self-play game as a {@code .jgr} replay [true]
 */
public record AzConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) String game,
        String backend,
        @JsonProperty(required = true) AzSettings alphazero,
        EvaluationSettings evaluation,
        CheckpointSettings checkpoint,
        Boolean replays) {

    /** The games a config may name, as {@code jgym arena} names them. */
    public static final List<String> GAMES = List.of("tictactoe", "connect4");

    public AzConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("game", game);
        Check.that(GAMES.contains(game), "game", "expected tictactoe or connect4, found \"" + game + "\"");
        if (backend == null) backend = "cpu";
        Check.that(Set.of("cpu", "auto").contains(backend), "backend", "expected cpu or auto, found \"" + backend + "\"");
        Check.present("alphazero", alphazero);
        if (evaluation == null) evaluation = new EvaluationSettings(null, null, null, null);
        if (checkpoint == null) checkpoint = new CheckpointSettings(null);
        if (replays == null) replays = true;
    }

    public static AzConfig read(Path file) {
        return Json.read(file, AzConfig.class);
    }

    /**
     * AlphaZero's settings (Silver et al., 2018); the paper's values are for chess and Go, the
     * defaults in brackets are sized for tic-tac-toe.
     *
     * @param iterations rounds of (self-play, training)
     * @param gamesPerIteration self-play games per round, played together (one network batch per simulation step) [32]
     * @param simulations PUCT simulations per move [50]
     * @param cPuct the exploration constant of PUCT [1.5]
     * @param solver prove wins and losses in the search, as MCTS-Solver does (see {@link Puct}), in
     *     self-play and evaluation, and in arena play of the run's models [false]
     * @param dirichletAlpha root noise concentration, about 10 / the typical number of legal moves [1.0]
     * @param dirichletEpsilon root noise share [0.25, the paper's]
     * @param temperatureMoves moves of each game drawn in proportion to visits (temperature 1); later moves are the most visited [4]
     * @param window train on the positions of the last this many games [500]
     * @param batchSize minibatch size [64]
     * @param trainSteps gradient steps after each round of self-play [50]
     * @param valueTarget what the value head learns: {@code outcome}, the game's result z for the
     *     player to move (the paper's), or {@code average}, (z + q) / 2 with q the search's root
     *     value at that move, less noisy where the moves after it were drawn at random [outcome]
     * @param network the policy-value network's trunk
     * @param optimizer the update rule (weight decay is the paper's L2 term c ||theta||^2)
     */
    public record AzSettings(
            @JsonProperty(required = true) Integer iterations,
            @JsonProperty("games_per_iteration") Integer gamesPerIteration,
            Integer simulations,
            @JsonProperty("c_puct") Double cPuct,
            Boolean solver,
            @JsonProperty("dirichlet_alpha") Double dirichletAlpha,
            @JsonProperty("dirichlet_epsilon") Double dirichletEpsilon,
            @JsonProperty("temperature_moves") Integer temperatureMoves,
            Integer window,
            @JsonProperty("batch_size") Integer batchSize,
            @JsonProperty("train_steps") Integer trainSteps,
            @JsonProperty("value_target") String valueTarget,
            NetworkSettings network,
            @JsonProperty(required = true) OptimizerConfig optimizer) {
        public AzSettings {
            Check.present("iterations", iterations);
            Check.size("iterations", iterations, 1_000_000);
            if (gamesPerIteration == null) gamesPerIteration = 32;
            Check.size("games_per_iteration", gamesPerIteration, 100_000);
            if (simulations == null) simulations = 50;
            Check.size("simulations", simulations, 1_000_000);
            if (cPuct == null) cPuct = 1.5;
            Check.positive("c_puct", cPuct);
            if (solver == null) solver = false;
            if (dirichletAlpha == null) dirichletAlpha = 1.0;
            Check.positive("dirichlet_alpha", dirichletAlpha);
            if (dirichletEpsilon == null) dirichletEpsilon = 0.25;
            Check.inRange("dirichlet_epsilon", dirichletEpsilon, 0, 1);
            if (temperatureMoves == null) temperatureMoves = 4;
            Check.that(temperatureMoves >= 0, "temperature_moves", "expected an integer >= 0, found " + temperatureMoves);
            if (window == null) window = 500;
            Check.size("window", window, 1_000_000);
            if (batchSize == null) batchSize = 64;
            Check.size("batch_size", batchSize, 65_536);
            if (trainSteps == null) trainSteps = 50;
            Check.that(trainSteps >= 0 && trainSteps <= 1_000_000, "train_steps", "expected an integer in [0, 1000000], found " + trainSteps);
            if (valueTarget == null) valueTarget = "outcome";
            Check.that(valueTarget.equals("outcome") || valueTarget.equals("average"), "value_target",
                    "expected outcome or average, found \"" + valueTarget + "\"");
            if (network == null) network = new NetworkSettings(null, null, null);
            Check.present("optimizer", optimizer);
        }

        public Puct.Settings search() {
            return new Puct.Settings(simulations, cPuct, dirichletAlpha, dirichletEpsilon, solver);
        }
    }

    /**
     * @param hidden widths of the trunk's hidden layers [64, 64]
     * @param activation relu, tanh, elu, leaky_relu or sigmoid [relu]
     * @param encoder a CNN in front of the hidden layers, as DQN's {@code network.encoder}: layer
     *     specs (conv2d, maxpool2d, avgpool2d, activations, flatten) over the board as two planes,
     *     {@code [2, rows, cols]} [none: the hidden layers read the board]
     */
    public record NetworkSettings(List<Integer> hidden, String activation, JsonNode encoder) {
        public NetworkSettings {
            if (hidden == null) hidden = List.of(64, 64);
            hidden = List.copyOf(hidden);
            Check.that(!hidden.isEmpty() && hidden.size() <= 16, "hidden", "expected 1 to 16 layers, found " + hidden.size());
            for (int i = 0; i < hidden.size(); i++) {
                Check.that(hidden.get(i) != null && hidden.get(i) > 0 && hidden.get(i) <= 65536, "hidden[" + i + "]",
                        "expected an integer in [1, 65536], found " + hidden.get(i));
            }
            if (activation == null) activation = "relu";
            Check.that(Set.of("relu", "tanh", "elu", "leaky_relu", "sigmoid").contains(activation), "activation",
                    "expected relu, tanh, elu, leaky_relu or sigmoid, found \"" + activation + "\"");
            if (encoder != null && encoder.isNull()) encoder = null;
        }

        int[] widths() {
            return hidden.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * @param interval iterations between evaluations (after iteration k * interval, and after the last) [10]
     * @param games games per evaluation, sides alternating [20]
     * @param opponent the reference player, as {@code jgym arena} names it: random, minimax:D, mcts:N, uct:N, solver [minimax:2]
     * @param simulations the trained player's simulations per move [alphazero.simulations]
     */
    public record EvaluationSettings(Integer interval, Integer games, String opponent, Integer simulations) {
        public EvaluationSettings {
            if (interval == null) interval = 10;
            Check.positive("interval", interval);
            if (games == null) games = 20;
            Check.that(games >= 0 && games <= 100_000, "games", "expected an integer in [0, 100000], found " + games);
            if (opponent == null) opponent = "minimax:2";
            if (simulations != null) Check.size("simulations", simulations, 1_000_000);
        }
    }

    /** @param interval iterations between checkpoints, 0 for one at the end only (and on a stop) [0] */
    public record CheckpointSettings(Integer interval) {
        public CheckpointSettings {
            if (interval == null) interval = 0;
            Check.that(interval >= 0, "interval", "expected an integer >= 0, found " + interval);
        }
    }
}
