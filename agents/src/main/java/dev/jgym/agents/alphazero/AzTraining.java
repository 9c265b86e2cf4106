package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.dqn.Encoder;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.agents.run.Diverged;
import dev.jgym.agents.search.Players;
import dev.jgym.core.config.UserError;
import dev.jgym.core.multi.Match;
import dev.jgym.core.multi.Player;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * AlphaZero's training loop (Silver et al., 2018), in rounds: each iteration plays
 * {@code games_per_iteration} self-play games with the current network ({@link SelfPlay}: PUCT,
 * root noise, the temperature schedule), adds them to a window of the last {@code window} games,
 * then takes {@code train_steps} gradient steps on minibatches drawn uniformly from the window's
 * positions, each under a uniformly drawn board symmetry ({@link Symmetries}), with targets the
 * search policy pi and the outcome z. At intervals the network (with search, no noise) plays a
 * reference player; a model snapshot is kept there for Elo ratings over training.
 *
 * <p>Same bits for any thread count: see {@link SelfPlay}; training is one stream per iteration on
 * the CPU backend, which gives the same bits for any count. Resume equals uninterrupted: a
 * checkpoint, taken between iterations, holds everything the next iteration reads.
 */
public final class AzTraining {
    /** One self-play game. */
    public record GameRow(int iteration, int game, int moves, int winner) {}

    /** One iteration: its games and the mean losses of its gradient steps (NaN without steps). */
    public record IterationRow(int iteration, int games, int positions, int windowPositions, double policyLoss, double valueLoss,
                               double meanLength, int firstWins, int secondWins, int draws) {}

    /** An evaluation after {@code iteration}: games against the reference player, from the trained player's side. */
    public record EvalRow(int iteration, String opponent, int games, int wins, int draws, int losses) {
        public double score() {
            return games == 0 ? Double.NaN : (wins + 0.5 * draws) / games;
        }
    }

    /** Where the time went (wall seconds): self-play search, its network batches, training, evaluation. */
    public record Profile(double searchSeconds, double networkSeconds, long positions, double trainSeconds, double evalSeconds) {}

    public record Result(List<GameRow> games, List<IterationRow> iterations, List<EvalRow> evaluations, Profile profile, long parameters) {}

    /** Progress for a bar: games done since the last call and a status line. */
    public interface Progress {
        void advance(long games, String status);
    }

    private final AzConfig config;
    private final String source;
    private int threads = 1;
    private Progress progress = (n, s) -> { };
    private Path checkpointFile, modelsDir, replaysDir;
    private AzOutput.Streams streams;
    private CheckpointFile resumeFrom;
    private int stopAfter = Integer.MAX_VALUE;
    private BooleanSupplier stopWhen = () -> false;

    public AzTraining(AzConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public AzTraining threads(int n) {
        this.threads = n;
        return this;
    }

    public AzTraining progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Where to write checkpoints (at the intervals, on a stop and at the end); null: none. */
    public AzTraining checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    /** Where to keep a model snapshot at each evaluation point ({@code iteration-NNNN.jgc}); null: none. */
    public AzTraining modelsTo(Path dir) {
        this.modelsDir = dir;
        return this;
    }

    /** Where to write each iteration's self-play games as a replay; null: none. */
    public AzTraining replaysTo(Path dir) {
        this.replaysDir = dir;
        return this;
    }

    /** Where to stream metrics.csv, episodes.csv and evaluations.csv while it trains ({@link AzOutput.Streams}); null: none. */
    public AzTraining streamTo(Path dir) {
        this.streams = dir == null ? null : new AzOutput.Streams(dir, config);
        return this;
    }

    public AzTraining resumeFrom(CheckpointFile checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Stop (after writing a checkpoint) once this many iterations are done; for tests. */
    AzTraining stopAfter(int iterations) {
        this.stopAfter = iterations;
        return this;
    }

    /** Stop (after writing a checkpoint) between iterations once {@code stop} is true; {@link #run()} then returns null. */
    public AzTraining stopWhen(BooleanSupplier stop) {
        this.stopWhen = stop;
        return this;
    }

    /** Checks what the config names before any work: the backend and the evaluation opponent. */
    public void validate() {
        try {
            Backends.create(config.backend(), 1, Backends.Use.CPU_ONLY, "AlphaZero").close();
        } catch (UserError e) {
            throw e.in(source + ": $.backend");
        }
        opponent();
        JsonNode encoder = config.alphazero().network().encoder();
        if (encoder != null) Encoder.check(encoder, AzModel.planes(config.game()), source, "$.alphazero.network.encoder");
    }

    private Function<Rng, Player> opponent() {
        return Players.parse(config.evaluation().opponent(), config.game(), source + ": $.evaluation.opponent");
    }

    public Result run() {
        validate();
        AzConfig.AzSettings s = config.alphazero();
        Rng root = new Rng(config.seed());
        BoardGame game = AzModel.game(config.game());
        Symmetries symmetries = Symmetries.of(game.position());
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "alphazero-selfplay");
            t.setDaemon(true);
            return t;
        }) : null;
        try (Backend backend = Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "AlphaZero")) {
            PolicyValueNet net = AzModel.network(config.game(), s.network().encoder(), s.network().widths(), s.network().activation(), s.optimizer(),
                    backend, root.child("init"), source, "$.alphazero.network.encoder");
            RunState run = new RunState();
            if (resumeFrom != null) {
                resumeFrom.check(AzCheckpoint.header(config), source);
                resumeFrom.restore(in -> {
                    net.readParams(in);
                    net.readOptimizer(in);
                    run.read(in, net.inputs(), net.actions());
                });
            }
            if (streams != null) streams.start(run.games, run.iterations, run.evaluations);
            SelfPlay selfPlay = new SelfPlay(game, net, s.search(), s.temperatureMoves(), pool, threads);
            AzReplays replays = replaysDir == null ? null : new AzReplays(replaysDir, config);
            long trainNanos = 0, evalNanos = 0;
            while (run.iteration < s.iterations()) {
                int i = run.iteration;
                List<SelfPlayGame> games = selfPlay.play(s.gamesPerIteration(), root.child("selfplay").child(i));
                if (replays != null) replays.write(i, games);
                int positions = 0, first = 0, second = 0, draws = 0;
                for (int g = 0; g < games.size(); g++) {
                    SelfPlayGame sp = games.get(g);
                    GameRow row = new GameRow(i, g, sp.moves(), sp.winner());
                    run.games.add(row);
                    if (streams != null) streams.episodes.add(row);
                    positions += sp.moves();
                    if (sp.winner() == 0) first++;
                    else if (sp.winner() == 1) second++;
                    else draws++;
                    run.window.addLast(sp);
                    run.windowPositions += sp.moves();
                    if (run.window.size() > s.window()) run.windowPositions -= run.window.removeFirst().moves();
                }
                long t0 = System.nanoTime();
                double[] losses = train(net, symmetries, run, root.child("train").child(i));
                trainNanos += System.nanoTime() - t0;
                if (!Double.isNaN(losses[0]) && !(Double.isFinite(losses[0]) && Double.isFinite(losses[1]))) {
                    throw new Diverged(source + ": training diverged at iteration " + (i + 1) + ": the policy loss is " + losses[0]
                            + ", the value loss " + losses[1] + " (try a lower $.alphazero.optimizer.lr)");
                }
                IterationRow iterationRow = new IterationRow(i + 1, games.size(), positions, run.windowPositions, losses[0], losses[1],
                        positions / (double) games.size(), first, second, draws);
                run.iterations.add(iterationRow);
                if (streams != null) streams.metrics.add(iterationRow);
                run.iteration++;
                boolean last = run.iteration == s.iterations();
                if (run.iteration % config.evaluation().interval() == 0 || last) {
                    long e0 = System.nanoTime();
                    if (config.evaluation().games() > 0) {
                        EvalRow e = evaluate(net, game, run.iteration, root.child("eval").child(run.iteration));
                        run.evaluations.add(e);
                        if (streams != null) streams.evaluations.add(e);
                    }
                    evalNanos += System.nanoTime() - e0;
                    if (modelsDir != null) model(net).write(modelsDir.resolve(modelName(run.iteration)));
                }
                int every = config.checkpoint().interval();
                boolean stopNow = run.iteration >= stopAfter || stopWhen.getAsBoolean();
                boolean checkpointNow = (every > 0 && run.iteration % every == 0) || stopNow || last;
                if (streams != null && checkpointNow) streams.flush();
                if (checkpointFile != null && checkpointNow) checkpoint(net, run).write(checkpointFile);
                String status = run.evaluations.isEmpty() ? String.format(Locale.ROOT, "value loss %.3f", losses[1])
                        : String.format(Locale.ROOT, "score %.2f vs %s", run.evaluations.get(run.evaluations.size() - 1).score(), config.evaluation().opponent());
                progress.advance(games.size(), status);
                if (stopNow && !last) return null;
            }
            long parameters = 0;
            for (var p : net.params()) parameters += p.value().size();
            Profile profile = new Profile(selfPlay.searchNanos / 1e9, selfPlay.networkNanos / 1e9, selfPlay.positions, trainNanos / 1e9, evalNanos / 1e9);
            return new Result(List.copyOf(run.games), List.copyOf(run.iterations), List.copyOf(run.evaluations), profile, parameters);
        } finally {
            if (pool != null) pool.shutdownNow();
        }
    }

    /** A model snapshot's file name in the models folder. */
    public static String modelName(int iteration) {
        return String.format(Locale.ROOT, "iteration-%04d.jgc", iteration);
    }

    /** {@code train_steps} minibatches from the window; returns the mean policy and value losses (NaN without steps). */
    private double[] train(PolicyValueNet net, Symmetries symmetries, RunState run, Rng rng) {
        AzConfig.AzSettings s = config.alphazero();
        int steps = s.trainSteps(), b = s.batchSize(), in = net.inputs(), a = net.actions();
        if (steps == 0 || run.windowPositions == 0) return new double[] {Double.NaN, Double.NaN};
        SelfPlayGame[] games = run.window.toArray(new SelfPlayGame[0]);
        int[] start = new int[games.length + 1];
        for (int g = 0; g < games.length; g++) start[g + 1] = start[g] + games[g].moves();
        float[] x = new float[b * in], pi = new float[b * a], z = new float[b];
        boolean average = s.valueTarget().equals("average");
        byte[] masks = new byte[b * a];
        double policy = 0, value = 0;
        for (int step = 0; step < steps; step++) {
            for (int r = 0; r < b; r++) {
                int k = rng.nextInt(start[games.length]);
                int g = java.util.Arrays.binarySearch(start, k);
                g = g >= 0 ? g : -g - 2; // the game holding position k (start is strictly increasing)
                SelfPlayGame sp = games[g];
                int t = k - start[g];
                int sym = rng.nextInt(symmetries.count());
                symmetries.apply(sym, sp.obs(), t * in, sp.masks(), t * a, sp.policies(), t * a, x, r * in, masks, r * a, pi, r * a);
                z[r] = sp.valueTarget(t, average);
            }
            PolicyValueNet.Losses l = net.train(x, masks, pi, z, b);
            policy += l.policy();
            value += l.value();
        }
        return new double[] {policy / steps, value / steps};
    }

    /** The trained player (search, no noise) against the reference, sides alternating, game j from {@code seeds.child(j)}. */
    private EvalRow evaluate(PolicyValueNet net, BoardGame game, int iteration, Rng seeds) {
        AzConfig.EvaluationSettings ev = config.evaluation();
        AzConfig.AzSettings s = config.alphazero();
        int sims = ev.simulations() != null ? ev.simulations() : s.simulations();
        AzPlayer me = new AzPlayer(net, new Puct.Settings(sims, s.cPuct(), s.dirichletAlpha(), 0, s.solver()), "alphazero");
        Function<Rng, Player> make = opponent();
        int wins = 0, draws = 0, losses = 0;
        for (int j = 0; j < ev.games(); j++) {
            Player other = make.apply(seeds.child(j));
            int side = j % 2;
            int w = side == 0 ? Match.play(game, j, me, other) : Match.play(game, j, other, me);
            if (w == side) wins++;
            else if (w < 0) draws++;
            else losses++;
        }
        return new EvalRow(iteration, ev.opponent(), ev.games(), wins, draws, losses);
    }

    private CheckpointFile model(PolicyValueNet net) {
        return AzCheckpoint.of(config, net::writeParams);
    }

    private CheckpointFile checkpoint(PolicyValueNet net, RunState run) {
        return AzCheckpoint.of(config, out -> {
            net.writeParams(out);
            net.writeOptimizer(out);
            run.write(out, net.inputs(), net.actions());
        });
    }

    /** The counters, rows and window of a run in progress (what a checkpoint holds besides the network). */
    static final class RunState {
        int iteration;
        final List<GameRow> games = new ArrayList<>();
        final List<IterationRow> iterations = new ArrayList<>();
        final List<EvalRow> evaluations = new ArrayList<>();
        final ArrayDeque<SelfPlayGame> window = new ArrayDeque<>();
        int windowPositions;

        void write(DataOutputStream out, int inputs, int actions) throws IOException {
            out.writeInt(iteration);
            out.writeInt(games.size());
            for (GameRow g : games) {
                out.writeInt(g.iteration());
                out.writeInt(g.game());
                out.writeInt(g.moves());
                out.writeInt(g.winner());
            }
            out.writeInt(iterations.size());
            for (IterationRow r : iterations) {
                out.writeInt(r.iteration());
                out.writeInt(r.games());
                out.writeInt(r.positions());
                out.writeInt(r.windowPositions());
                out.writeDouble(r.policyLoss());
                out.writeDouble(r.valueLoss());
                out.writeDouble(r.meanLength());
                out.writeInt(r.firstWins());
                out.writeInt(r.secondWins());
                out.writeInt(r.draws());
            }
            out.writeInt(evaluations.size());
            for (EvalRow e : evaluations) {
                out.writeInt(e.iteration());
                out.writeUTF(e.opponent());
                out.writeInt(e.games());
                out.writeInt(e.wins());
                out.writeInt(e.draws());
                out.writeInt(e.losses());
            }
            out.writeInt(window.size());
            for (SelfPlayGame g : window) g.write(out, inputs, actions);
        }

        void read(DataInputStream in, int inputs, int actions) throws IOException {
            iteration = in.readInt();
            for (int n = in.readInt(); n > 0; n--) games.add(new GameRow(in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            for (int n = in.readInt(); n > 0; n--) {
                iterations.add(new IterationRow(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readInt(), in.readInt(), in.readInt()));
            }
            for (int n = in.readInt(); n > 0; n--) {
                evaluations.add(new EvalRow(in.readInt(), in.readUTF(), in.readInt(), in.readInt(), in.readInt(), in.readInt()));
            }
            for (int n = in.readInt(); n > 0; n--) {
                SelfPlayGame g = SelfPlayGame.read(in, inputs, actions);
                window.addLast(g);
                windowPositions += g.moves();
            }
        }
    }
}
