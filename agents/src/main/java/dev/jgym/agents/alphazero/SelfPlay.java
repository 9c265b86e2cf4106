package dev.jgym.agents.alphazero;

import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Plays a batch of self-play games at once, with one network batch per round: each round, every
 * unfinished game (on worker threads, a fixed block of games per thread) runs its search until
 * it needs a leaf evaluated, or plays its move when its search is done; then the network
 * evaluates all waiting leaves in one batch, in game order, and hands each game its answer.
 *
 * <p>Move choice: the first {@code temperatureMoves} moves of a game are drawn in proportion to
 * the root's visit counts (temperature 1), later ones are the most visited (temperature -> 0).
 *
 * <p>Game g of a batch draws its root noise and its move choices from {@code streams.child(g)}
 * only, and the network sees the same rows in the same order whatever the thread count, so the
 * games are the same bits with 1 or N threads.
 */
final class SelfPlay {
    private final TwoPlayerEnv<int[]> prototype;
    private final PolicyValueNet net;
    private final Puct.Settings search;
    private final int temperatureMoves;
    private final ExecutorService pool;
    private final int threads;
    /** Network time and positions evaluated (for the profile). */
    long networkNanos, searchNanos, positions;

    SelfPlay(TwoPlayerEnv<int[]> prototype, PolicyValueNet net, Puct.Settings search, int temperatureMoves, ExecutorService pool, int threads) {
        this.prototype = prototype;
        this.net = net;
        this.search = search;
        this.temperatureMoves = temperatureMoves;
        this.pool = pool;
        this.threads = threads;
    }

    /** One game in progress. */
    private final class Slot {
        final TwoPlayerEnv<int[]> game = prototype.copy();
        final Rng rng;
        final Puct puct;
        final int inputs = net.inputs(), actions = net.actions();
        final List<Integer> moveList = new ArrayList<>(), playerList = new ArrayList<>();
        byte[] obs = new byte[0], masks = new byte[0];
        float[] policies = new float[0], qs = new float[0], rootValues = new float[0];
        int[] visits = new int[0];
        boolean waiting, over;
        SelfPlayGame result;
        final int index;

        Slot(int index, Rng rng) {
            this.index = index;
            this.rng = rng;
            this.puct = new Puct(search, actions);
            game.reset(0);
            puct.start(game, rng);
        }

        /** Feeds the last evaluation (if waiting), then searches until a leaf waits or the game ends. */
        void advance(float[] leafObs, byte[] leafMask, int row, float[] priors, float[] values) {
            if (waiting) {
                puct.expand(priors, row * actions, values[row]);
                waiting = false;
            }
            while (true) {
                if (puct.next(leafObs, row * inputs, leafMask, row * actions)) {
                    waiting = true;
                    return;
                }
                play();
                if (game.terminated()) {
                    finish();
                    return;
                }
                puct.start(game, rng);
            }
        }

        private void play() {
            int t = moveList.size();
            if (obs.length < (t + 1) * inputs) {
                int cap = Math.max(8, 2 * (t + 1));
                obs = Arrays.copyOf(obs, cap * inputs);
                masks = Arrays.copyOf(masks, cap * actions);
                policies = Arrays.copyOf(policies, cap * actions);
                qs = Arrays.copyOf(qs, cap * actions);
                visits = Arrays.copyOf(visits, cap * actions);
                rootValues = Arrays.copyOf(rootValues, cap);
            }
            int player = game.currentPlayer();
            int[] o = game.observe(player);
            for (int i = 0; i < inputs; i++) obs[t * inputs + i] = (byte) o[i];
            int[] n = puct.rootVisits();
            double[] q = puct.rootValues();
            int total = 0;
            for (int v : n) total += v;
            for (int a = 0; a < actions; a++) {
                masks[t * actions + a] = (byte) (game.legal(a) ? 1 : 0);
                visits[t * actions + a] = n[a];
                policies[t * actions + a] = (float) n[a] / total;
                qs[t * actions + a] = (float) q[a];
            }
            rootValues[t] = (float) puct.rootValue();
            int a = t < temperatureMoves ? puct.sampleMove(rng) : puct.bestMove();
            moveList.add(a);
            playerList.add(player);
            game.step(a);
        }

        private void finish() {
            over = true;
            int m = moveList.size();
            result = new SelfPlayGame(m, moveList.stream().mapToInt(Integer::intValue).toArray(), playerList.stream().mapToInt(Integer::intValue).toArray(),
                    Arrays.copyOf(obs, m * inputs), Arrays.copyOf(masks, m * actions), Arrays.copyOf(policies, m * actions),
                    Arrays.copyOf(visits, m * actions), Arrays.copyOf(qs, m * actions), Arrays.copyOf(rootValues, m), game.winner());
        }
    }

    /** Plays {@code games} games, game g from {@code streams.child(g)}; returns them in order. */
    List<SelfPlayGame> play(int games, Rng streams) {
        Slot[] slots = new Slot[games];
        for (int g = 0; g < games; g++) slots[g] = new Slot(g, streams.child(g));
        int inputs = net.inputs(), actions = net.actions();
        // slot g writes its leaf to row g of these; the network reads the waiting rows packed in game order
        float[] leafObs = new float[games * inputs];
        byte[] leafMask = new byte[games * actions];
        float[] priors = new float[games * actions], values = new float[games];
        float[] batchObs = new float[games * inputs], batchPriors = new float[games * actions], batchValues = new float[games];
        byte[] batchMask = new byte[games * actions];
        int[] rows = new int[games];
        while (true) {
            long t0 = System.nanoTime();
            forEach(slots, s -> s.advance(leafObs, leafMask, s.index, priors, values));
            long t1 = System.nanoTime();
            int n = 0;
            for (int g = 0; g < games; g++) {
                if (!slots[g].waiting) continue;
                System.arraycopy(leafObs, g * inputs, batchObs, n * inputs, inputs);
                System.arraycopy(leafMask, g * actions, batchMask, n * actions, actions);
                rows[n++] = g;
            }
            searchNanos += t1 - t0;
            if (n == 0) break;
            net.evaluate(batchObs, batchMask, n, batchPriors, batchValues);
            for (int i = 0; i < n; i++) {
                System.arraycopy(batchPriors, i * actions, priors, rows[i] * actions, actions);
                values[rows[i]] = batchValues[i];
            }
            positions += n;
            networkNanos += System.nanoTime() - t1;
        }
        List<SelfPlayGame> out = new ArrayList<>();
        for (Slot s : slots) out.add(s.result);
        return out;
    }

    /** Advances every unfinished game: block k of the games on worker k (the blocks touch disjoint games). */
    private void forEach(Slot[] slots, java.util.function.Consumer<Slot> step) {
        int blocks = Math.min(threads, slots.length);
        if (blocks <= 1 || pool == null) {
            for (Slot s : slots) if (!s.over) step.accept(s);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (int k = 0; k < blocks; k++) {
            int from = k * slots.length / blocks, to = (k + 1) * slots.length / blocks;
            running.add(pool.submit(() -> {
                for (int g = from; g < to; g++) if (!slots[g].over) step.accept(slots[g]);
            }));
        }
        try {
            for (Future<?> f : running) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("self-play interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
