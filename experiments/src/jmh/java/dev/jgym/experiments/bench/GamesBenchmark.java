package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGameEnv;
import dev.jgym.envs.games.board.LineGame;
import dev.jgym.envs.games.board.Minimax;
import dev.jgym.envs.games.minatar.MinAtarGame;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steps per second of the simple games, one thread, random actions (drawn ahead into an array).
 * The baseline is {@code minatarStepInto}: the same MinAtar frames with the observation written
 * into a reused buffer and no {@code Step} object, i.e. the game logic alone; the other MinAtar
 * figures show what the public API (a fresh observation array, the Step record, and for
 * {@code make} the OrderEnforcing and TimeLimit wrappers) costs on top of it. Read the ratios;
 * absolute numbers move with the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class GamesBenchmark {
    static final int STEPS = 1000;

    /** One MinAtar game, made twice (wrapped and bare), with 1000 random actions drawn ahead. */
    @State(Scope.Thread)
    public static class Arcade {
        @Param({"MinAtar/Breakout-v1", "MinAtar/Freeway-v1", "MinAtar/SpaceInvaders-v1"})
        String id;

        Env<int[], Integer> made;
        MinAtarGame bare;
        int[] actions;
        int[] buffer;

        @Setup
        public void setup() {
            made = EnvRegistry.make(id, Map.of("max_episode_steps", 0));
            made.reset(1L, Map.of());
            bare = (MinAtarGame) EnvRegistry.<int[], Integer>make(id).unwrapped();
            bare.reset(1L, Map.of());
            Rng rng = new Rng(2);
            actions = new int[STEPS];
            for (int i = 0; i < STEPS; i++) actions[i] = rng.nextInt(bare.actionSpace().n());
            buffer = new int[bare.observationSpace().size()];
        }
    }

    /** Through {@code EnvRegistry.make}: OrderEnforcing around the game, a fresh observation per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int minatarMake(Arcade g) {
        int sum = 0;
        for (int i = 0; i < STEPS; i++) {
            Step<int[]> s = g.made.step(g.actions[i]);
            sum += s.observation().length;
            if (s.done()) g.made.reset();
        }
        return sum;
    }

    /** The game object's own {@code step}: Step record and a fresh observation, no wrappers. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int minatarUnwrapped(Arcade g) {
        int sum = 0;
        for (int i = 0; i < STEPS; i++) {
            Step<int[]> s = g.bare.step(g.actions[i]);
            sum += s.observation().length;
            if (s.done()) g.bare.reset();
        }
        return sum;
    }

    /** Baseline: the same frames, observation written into a reused g.buffer, nothing allocated. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int minatarStepInto(Arcade g) {
        int sum = 0;
        for (int i = 0; i < STEPS; i++) {
            sum += g.bare.stepInto(g.actions[i], g.buffer, 0);
            if (g.bare.isOver()) g.bare.reset();
        }
        return sum + g.buffer[0];
    }

    /** Board games: single-agent steps against the random opponent, and one minimax decision. */
    @State(Scope.Thread)
    public static class Boards {
        Env<int[], Integer> ticTacToe;
        BoardGameEnv inner;
        Rng agent = new Rng(3);
        LineGame opening;
        Minimax depth4 = new Minimax(4);
        Minimax perfect = new Minimax(9);
        LineGame emptyTicTacToe = LineGame.ticTacToe();
        Rng ties = new Rng(4);

        @Setup
        public void setup() {
            ticTacToe = EnvRegistry.make("TicTacToe-v0");
            ticTacToe.reset(1L, Map.of());
            inner = (BoardGameEnv) ticTacToe.unwrapped();
            opening = LineGame.connectFour();
            opening.play(3);
            opening.play(3);
        }
    }

    /** TicTacToe-v0 through make, agent move plus the random opponent's reply per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int ticTacToeVsRandom(Boards b) {
        int sum = 0;
        for (int i = 0; i < STEPS; i++) {
            Step<int[]> s = b.ticTacToe.step(b.inner.actionSpace().sample(b.agent, b.inner.actionMask()));
            sum += s.observation().length;
            if (s.done()) b.ticTacToe.reset();
        }
        return sum;
    }

    /** One Connect Four decision at depth 4 after two opening moves (decisions per second). */
    @Benchmark
    public int connectFourMinimaxDepth4(Boards b) {
        return b.depth4.choose(b.opening, b.ties);
    }

    /** One perfect tic-tac-toe decision from the empty board (full 9-ply search of all 9 moves). */
    @Benchmark
    public int ticTacToeMinimaxEmptyBoard(Boards b) {
        return b.perfect.choose(b.emptyTicTacToe, b.ties);
    }
}
