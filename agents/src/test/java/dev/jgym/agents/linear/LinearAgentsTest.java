package dev.jgym.agents.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linear learners' identities (Sutton &amp; Barto, 2nd ed., chapter 12): with λ = 0, TD(λ),
 * true online TD(λ) and one-step semi-gradient TD are the same update; the off-line λ-return
 * with λ = 1 is gradient Monte Carlo; and the features against Sutton's {@code tiles3} and the
 * bases' definitions.
 */
class LinearAgentsTest {
    @TempDir
    Path dir;

    static final Discrete STATES = new Discrete(21);

    static AgentContext context(String type) {
        return new AgentContext(type, STATES, new Discrete(2), new Rng(1).child("agent"));
    }

    /** 30 episodes of the 19-state walk (−1 left, +1 right) from one stream, the same for every agent. */
    static List<List<Transition<Object, Integer>>> episodes() {
        Rng rng = new Rng(5);
        List<List<Transition<Object, Integer>>> all = new ArrayList<>();
        for (int e = 0; e < 30; e++) {
            List<Transition<Object, Integer>> ep = new ArrayList<>();
            int s = 10;
            while (true) {
                int a = rng.nextInt(2), next = a == 0 ? s - 1 : s + 1;
                boolean end = next == 0 || next == 20;
                ep.add(new Transition<>(s, a, next == 0 ? -1 : next == 20 ? 1 : 0, next, end, false, Map.of()));
                s = next;
                if (end) break;
            }
            all.add(ep);
        }
        return all;
    }

    static double[] learn(LinearPrediction agent) {
        for (List<Transition<Object, Integer>> ep : episodes()) {
            agent.onEpisodeStart(ep.get(0).state());
            for (Transition<Object, Integer> t : ep) agent.observe(t);
        }
        return agent.weights();
    }

    static Features.Settings oneHot() {
        return new Features.Settings("one_hot", null, null, null, null, null, null, null);
    }

    @Test
    @DisplayName("lambda 0: TD(lambda) (accumulating and replacing), true online TD(lambda) and semi-gradient TD(0) give the same weights (1e-12)")
    void lambdaZeroIsTdZero() {
        double[] td0 = learn(new SemiGradientTd(new SemiGradientTd.Settings(0.3, null, 1.0, 1, 0.0, oneHot()), context("semi-gradient-td")));
        double[] acc = learn(new TdLambda(new TdLambda.Settings(0.3, null, 1.0, 0.0, "accumulating", 0.0, oneHot()), context("td-lambda")));
        double[] rep = learn(new TdLambda(new TdLambda.Settings(0.3, null, 1.0, 0.0, "replacing", 0.0, oneHot()), context("td-lambda")));
        double[] trueOnline = learn(new TrueOnlineTdLambda(new TrueOnlineTdLambda.Settings(0.3, null, 1.0, 0.0, 0.0, oneHot()), context("true-online-td-lambda")));
        assertTrue(Arrays.stream(td0).anyMatch(w -> w != 0), "something was learned");
        assertArrayEquals(td0, acc, 1e-12);
        assertArrayEquals(td0, rep, 1e-12);
        assertArrayEquals(td0, trueOnline, 1e-12);
    }

    @Test
    @DisplayName("lambda 1: the off-line lambda-return is gradient Monte Carlo; n-step TD with n >= the longest episode is too (1e-12)")
    void lambdaOneIsMonteCarlo() {
        double[] mc = learn(new GradientMonteCarlo(new GradientMonteCarlo.Settings(0.1, null, 1.0, 0.0, oneHot()), context("gradient-mc")));
        double[] lambdaReturn = learn(new OfflineLambdaReturn(new OfflineLambdaReturn.Settings(0.1, null, 1.0, 1.0, 0.0, oneHot()), context("offline-lambda-return")));
        assertArrayEquals(mc, lambdaReturn, 1e-12);
        // n-step TD updates S_tau as soon as its n-step return is known, so it equals MC only when
        // every update waits for the end: n at least the episode length, and state values unchanged mid-episode
        double[] nStep = learn(new SemiGradientTd(new SemiGradientTd.Settings(0.1, null, 1.0, 100_000, 0.0, oneHot()), context("semi-gradient-td")));
        assertArrayEquals(mc, nStep, 1e-12);
    }

    @Test
    @DisplayName("true online TD(lambda) with small alpha matches the off-line lambda-return within 2% of the weights' scale (S&B 12.5: the on-line and off-line lambda-returns agree as alpha -> 0)")
    void trueOnlineNearOfflineForSmallAlpha() {
        double[] offline = learn(new OfflineLambdaReturn(new OfflineLambdaReturn.Settings(0.005, null, 1.0, 0.8, 0.0, oneHot()), context("offline-lambda-return")));
        double[] online = learn(new TrueOnlineTdLambda(new TrueOnlineTdLambda.Settings(0.005, null, 1.0, 0.8, 0.0, oneHot()), context("true-online-td-lambda")));
        double scale = Arrays.stream(offline).map(Math::abs).max().orElseThrow();
        assertTrue(scale > 0.01, "learned " + scale);
        for (int i = 0; i < offline.length; i++) assertEquals(offline[i], online[i], 0.02 * scale, "weight " + i);
    }

    @Test
    @DisplayName("tile coding equals Sutton's tiles3 (IHT 4096): [3.6, 7.21] -> 0..7; [3.7, 7.21] -> 0,1,2,8,4,5,6,7; [-37.2, 7] -> 9..16; with int 1 -> 17..24; 4 tilings of 3 floats -> 25..28")
    void tilesLikeTiles3() {
        TileCoder coder = new TileCoder(4096, 8);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, tiles(coder, new double[] {3.6, 7.21}, -1));
        assertArrayEquals(new int[] {0, 1, 2, 8, 4, 5, 6, 7}, tiles(coder, new double[] {3.7, 7.21}, -1));
        assertArrayEquals(new int[] {9, 10, 11, 12, 13, 14, 15, 16}, tiles(coder, new double[] {-37.2, 7.0}, -1));
        assertArrayEquals(new int[] {17, 18, 19, 20, 21, 22, 23, 24}, tiles(coder, new double[] {3.6, 7.21}, 1));
        TileCoder four = new TileCoder(4096, 4);
        four.restore(coder.entries());
        assertArrayEquals(new int[] {25, 26, 27, 28}, tiles(four, new double[] {0.25, 1.5, 2.75}, -1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, tiles(coder, new double[] {3.6, 7.21}, -1));
    }

    static int[] tiles(TileCoder coder, double[] floats, int action) {
        FeatureVector x = new FeatureVector(coder.tilings());
        coder.tiles(floats, action, x);
        int[] out = new int[x.size()];
        for (int k = 0; k < out.length; k++) out[k] = x.index(k);
        return out;
    }

    @Test
    @DisplayName("bases on [0, 1000]: aggregation of [1, 1001] into 10 puts 1-100 in group 0 and 1000 in 9; polynomial u^i; Fourier cos(i pi u)")
    void bases() {
        Discrete walk = new Discrete(1002);
        Features agg = Features.create(new Features.Settings("aggregation", List.of(List.of(1.0, 1001.0)), 10, null, null, null, null, null), walk, "t");
        assertEquals(10, agg.size());
        assertEquals(0, first(agg, 1).index(0));
        assertEquals(0, first(agg, 100).index(0));
        assertEquals(1, first(agg, 101).index(0));
        assertEquals(9, first(agg, 1000).index(0));
        Features poly = Features.create(new Features.Settings("polynomial", List.of(List.of(0.0, 1000.0)), null, 3, null, null, null, null), walk, "t");
        FeatureVector p = first(poly, 500);
        assertEquals(4, p.size());
        assertEquals(0.125, p.value(3), 1e-15);
        Features fourier = Features.create(new Features.Settings("fourier", List.of(List.of(0.0, 1000.0)), null, 2, null, null, null, null), walk, "t");
        FeatureVector f = first(fourier, 250);
        assertEquals(1.0, f.value(0), 1e-15);
        assertEquals(Math.cos(Math.PI / 4), f.value(1), 1e-15);
        assertEquals(0.0, f.value(2), 1e-15);
    }

    static FeatureVector first(Features f, int observation) {
        FeatureVector x = new FeatureVector(f.active());
        f.encode(observation, x);
        return x;
    }

    @Test
    @DisplayName("settings mistakes are one line naming the field: an unknown feature type, missing groups, size on a basis; alpha 0")
    void badSettings() {
        var e = assertThrows(Check.FieldError.class, () -> new Features.Settings("radial", null, null, null, null, null, null, null));
        assertEquals("type", e.field());
        assertTrue(e.getMessage().contains("one_hot, aggregation, polynomial, fourier, tiles"), e.getMessage());
        e = assertThrows(Check.FieldError.class, () -> new Features.Settings("aggregation", null, null, null, null, null, null, null));
        assertEquals("groups", e.field());
        e = assertThrows(Check.FieldError.class, () -> new Features.Settings("fourier", null, null, 3, null, null, 64, null));
        assertEquals("size", e.field());
        e = assertThrows(Check.FieldError.class, () -> new TdLambda.Settings(0.0, null, null, 0.5, null, null, null));
        assertEquals("alpha", e.field());
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
        UserError u = assertThrows(UserError.class, () -> Features.create(new Features.Settings("polynomial", null, null, 3, null, null, null, null),
                new dev.jgym.core.space.Box(new float[] {0, 0}, new float[] {1, 1}), "gradient-mc"));
        assertTrue(u.getMessage().contains("one-dimensional"), u.getMessage());
    }

    @Test
    @DisplayName("alpha_schedule harmonic: alpha/k in episode k, so one-step TD on one-step episodes is the sample average of their rewards (S&B 2.4, 1e-12); constant keeps alpha")
    void harmonicStepSizeAverages() {
        double[] rewards = {1, 0, 0, 1, 1, -1, 0.5, 2};
        SemiGradientTd harmonic = new SemiGradientTd(new SemiGradientTd.Settings(1.0, "harmonic", 1.0, 1, 0.0, oneHot()), context("semi-gradient-td"));
        SemiGradientTd constant = new SemiGradientTd(new SemiGradientTd.Settings(0.5, null, 1.0, 1, 0.0, oneHot()), context("semi-gradient-td"));
        double sum = 0, v = 0;
        for (int k = 1; k <= rewards.length; k++) {
            Transition<Object, Integer> t = new Transition<>(10, 1, rewards[k - 1], 11, true, false, Map.of());
            for (SemiGradientTd a : List.of(harmonic, constant)) {
                a.onEpisodeStart(10);
                a.observe(t);
            }
            sum += rewards[k - 1];
            v += 0.5 * (rewards[k - 1] - v);
            assertEquals(sum / k, harmonic.value(10), 1e-12, "episode " + k);
            assertEquals(v, constant.value(10), 1e-12, "episode " + k);
        }
        var e = assertThrows(Check.FieldError.class, () -> new GradientMonteCarlo.Settings(0.1, "1/t", null, null, null));
        assertTrue(e.getMessage().contains("harmonic"), e.getMessage());
    }

    static SemiGradientSarsa sarsa(int n, Double beta) {
        return new SemiGradientSarsa(new SemiGradientSarsa.Settings(0.5, null, n, 0.0, null, beta, oneHot()),
                new AgentContext(SemiGradientSarsa.TYPE, STATES, new Discrete(1), new Rng(1).child("agent")));
    }

    @Test
    @DisplayName("semi-gradient SARSA with one-hot features is tabular SARSA: two episodes 0 -(1)-> 1 -(2)-> end by hand, n = 1 and n = 2 (1e-12)")
    void sarsaByHand() {
        double[][] expected = {{0.5, 1.0, 1.25, 1.5}, {1.5, 1.0, 2.25, 1.5}}; // q(0), q(1) after episode 1, then after episode 2
        for (int n = 1; n <= 2; n++) {
            SemiGradientSarsa a = sarsa(n, null);
            for (int e = 0; e < 2; e++) {
                a.onEpisodeStart(0);
                assertEquals(0, a.act(0));
                a.observe(new Transition<>(0, 0, 1.0, 1, false, false, Map.of()));
                assertEquals(0, a.act(1));
                a.observe(new Transition<>(1, 0, 2.0, 2, true, false, Map.of()));
                assertEquals(expected[n - 1][2 * e], a.value(0, 0), 1e-12, "n = " + n + ", q(0) after episode " + (e + 1));
                assertEquals(expected[n - 1][2 * e + 1], a.value(1, 0), 1e-12, "n = " + n + ", q(1) after episode " + (e + 1));
            }
        }
    }

    @Test
    @DisplayName("differential SARSA (beta): delta = R - R-bar + q(S', A') - q(S, A); R-bar += beta delta, by hand over two steps (1e-12); R-bar saved and loaded")
    void differentialByHand() throws Exception {
        SemiGradientSarsa a = sarsa(1, 0.1);
        a.onEpisodeStart(3);
        a.act(3);
        a.observe(new Transition<>(3, 0, 1.0, 3, false, false, Map.of())); // delta 1: R-bar 0.1, q 0.5
        a.act(3);
        a.observe(new Transition<>(3, 0, 1.0, 3, false, false, Map.of())); // delta 1 - 0.1 + 0.5 - 0.5 = 0.9
        assertEquals(0.19, a.averageReward(), 1e-12);
        assertEquals(0.95, a.value(3, 0), 1e-12);
        Path file = dir.resolve("sarsa.json");
        a.save(file);
        SemiGradientSarsa b = sarsa(1, 0.1);
        b.load(file);
        assertEquals(0.19, b.averageReward(), 1e-12);
        assertEquals(0.95, b.value(3, 0), 1e-12);
        var e = assertThrows(Check.FieldError.class, () -> new SemiGradientSarsa.Settings(0.1, 0.9, 1, 0.0, null, 0.1, oneHot()));
        assertTrue(e.getMessage().contains("differential"), e.getMessage());
    }

    @Test
    @DisplayName("save and load: the weights and the tile table come back; a file of another type is a UserError")
    void saveAndLoad() throws Exception {
        Features.Settings tiles = new Features.Settings("tiles", List.of(List.of(0.0, 20.0)), null, null, 4, 2.0, 64, null);
        GradientMonteCarlo a = new GradientMonteCarlo(new GradientMonteCarlo.Settings(0.1, null, 1.0, 0.0, tiles), context("gradient-mc"));
        learn(a);
        Path file = dir.resolve("w.json");
        a.save(file);
        GradientMonteCarlo b = new GradientMonteCarlo(new GradientMonteCarlo.Settings(0.1, null, 1.0, 0.0, tiles), context("gradient-mc"));
        b.load(file);
        assertArrayEquals(a.weights(), b.weights());
        for (int s = 1; s < 20; s++) assertEquals(a.value(s), b.value(s), 0.0);
        TdLambda c = new TdLambda(new TdLambda.Settings(0.1, null, 1.0, 0.5, null, 0.0, tiles), context("td-lambda"));
        UserError e = assertThrows(UserError.class, () -> c.load(file));
        assertTrue(e.getMessage().contains("$.type"), e.getMessage());
        assertTrue(Files.readString(file).contains("\"tiles\""));
        assertTrue(Json.MAPPER.readTree(file.toFile()).get("weights").size() == 64);
    }
}
