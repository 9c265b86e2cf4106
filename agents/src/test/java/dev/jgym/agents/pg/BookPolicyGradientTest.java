package dev.jgym.agents.pg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.Training;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.envs.grid.ShortCorridor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The book's policy-gradient agents (S&amp;B chapter 13): each box's arithmetic on hand-made
 * transitions, the soft-max's eligibility vector against finite differences, and what they learn
 * on the short corridor (Example 13.1). Figures 13.1 and 13.2 from their configs are
 * {@code experiments} {@code ShortCorridorFiguresTest}.
 */
class BookPolicyGradientTest {
    static final AgentContext CORRIDOR = new AgentContext("test", new Discrete(4), new Discrete(2), new Rng(1));
    static final double P_STAR = 2 - Math.sqrt(2);

    static <T extends LinearPolicyAgent> T agent(String type, String settings) {
        return Training.agent(type, settings, EnvRegistry.make(ShortCorridor.ID), 3);
    }

    static Transition<Object, Integer> step(int s, int a, double r, int next, boolean terminated) {
        return new Transition<>(s, a, r, next, terminated, false, Map.of());
    }

    @Test
    @DisplayName("REINFORCE's box by hand: theta 0, alpha 0.5, episode (left, -1), (right, -1) gives theta = (-0.5, 0.5) + 0.5 (1 - 1/(1+e)) (1, -1)")
    void reinforceByHand() {
        Reinforce a = agent(Reinforce.TYPE, "{\"alpha\": 0.5}");
        a.onEpisodeStart(0);
        a.observe(step(0, 0, -1, 0, false));
        assertArrayEquals(new double[] {0, 0}, a.theta(), "nothing is learned before the episode ends");
        a.observe(step(0, 1, -1, 1, true));
        // t = 0: G = -2, pi = (1/2, 1/2), grad ln pi(left) = (1/2, -1/2): theta = (-1/2, 1/2)
        // t = 1: G = -1, pi(left) = 1 / (1 + e), grad ln pi(right) = (-pi(left), pi(left)): theta += 0.5 pi(left) (1, -1)
        double piLeft = 1 / (1 + Math.E);
        assertArrayEquals(new double[] {-0.5 + 0.5 * piLeft, 0.5 - 0.5 * piLeft}, a.theta(), 1e-15);
    }

    @Test
    @DisplayName("REINFORCE with baseline's box by hand: delta = G - w before w moves (alpha_w 0.5, alpha_theta 1, gamma 0.5 weighting step 1 by gamma^1)")
    void baselineByHand() {
        ReinforceWithBaseline a = agent(ReinforceWithBaseline.TYPE, "{\"alpha_theta\": 1, \"alpha_w\": 0.5, \"gamma\": 0.5}");
        a.onEpisodeStart(0);
        a.observe(step(0, 1, -2, 1, false));
        a.observe(step(1, 1, -4, 3, true));
        // G_0 = -2 + 0.5 (-4) = -4, G_1 = -4. t = 0: delta = -4, w = -2, theta += -4 (1/2) (-1, 1) = (2, -2)
        // t = 1: delta = -4 - (-2) = -2, w = -3, theta += 0.5 (-2) grad ln pi(right) at theta (2, -2)
        double piLeft = Math.exp(2) / (Math.exp(2) + Math.exp(-2));
        assertEquals(-3, a.baseline(0), 1e-15);
        assertArrayEquals(new double[] {2 + piLeft, -2 - piLeft}, a.theta(), 1e-12);
    }

    @Test
    @DisplayName("one-step actor-critic's box by hand: delta = R + gamma v(S') - v(S), I = gamma^t; a truncation bootstraps from v(S'), a termination does not")
    void actorCriticByHand() {
        OneStepActorCritic a = agent(OneStepActorCritic.TYPE, "{\"alpha_theta\": 1, \"alpha_w\": 0.5, \"gamma\": 0.5, \"features\": \"state-action\"}");
        a.onEpisodeStart(0);
        a.observe(step(0, 1, -1, 1, false)); // delta = -1, w(0) = -0.5, theta(0, right) += -1 * 1/2, theta(0, left) -= ...
        assertEquals(-0.5, a.critic(0), 1e-15);
        assertArrayEquals(new double[] {0.5, 0, 0, 0, -0.5, 0, 0, 0}, a.theta(), 1e-15);
        a.observe(new Transition<>(1, 0, -1.0, 0, false, true, Map.of())); // I = 0.5; delta = -1 + 0.5 (-0.5) - 0 = -1.25 (bootstrapped)
        assertEquals(-0.625, a.critic(1), 1e-15);
        assertArrayEquals(new double[] {0.5, -0.3125, 0, 0, -0.5, 0.3125, 0, 0}, a.theta(), 1e-15);
        a.onEpisodeStart(0);
        a.observe(step(2, 1, -1, 3, true)); // I = 1 again; delta = -1 (terminal: no bootstrap)
        assertEquals(-0.5, a.critic(2), 1e-15);
    }

    @Test
    @DisplayName("the eligibility vector x(s,a) - sum_b pi(b|s) x(s,b) (eq. 13.9) matches central differences of ln pi within 1e-8 (observation features, 3 actions)")
    void eligibilityVectorIsTheGradient() {
        AgentContext context = new AgentContext("test", new Box(new float[] {-1, -1}, new float[] {1, 1}), new Discrete(3), new Rng(1));
        LinearFeatures x = new LinearFeatures("observation", context);
        double[] theta = {0.3, -0.2, 0.1, -0.4, 0.5, 0.2, 0.7, -0.1, -0.3};
        float[] s = {0.6f, -0.8f};
        for (int a = 0; a < 3; a++) {
            SoftmaxPolicy p = new SoftmaxPolicy(x, theta, 0, new Rng(1));
            p.ascend(s, a, 1); // theta + grad ln pi(a | s)
            for (int i = 0; i < theta.length; i++) {
                double h = 1e-6;
                double[] up = theta.clone(), down = theta.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (Math.log(new SoftmaxPolicy(x, up, 0, null).probabilities(s)[a])
                        - Math.log(new SoftmaxPolicy(x, down, 0, null).probabilities(s)[a])) / (2 * h);
                assertEquals(numeric, p.theta[i] - theta[i], 1e-8, "a " + a + ", theta " + i);
            }
        }
    }

    @Test
    @DisplayName("min_probability 0.05 clips a two-action pi to [0.05, 0.95] (Zhang et al.'s clamp) and a sampled action follows it")
    void floor() {
        Reinforce a = agent(Reinforce.TYPE, "{\"alpha\": 0.1, \"initial_theta\": [20, -20], \"min_probability\": 0.05}");
        assertArrayEquals(new double[] {0.95, 0.05}, a.probabilities(0), 1e-15);
        int right = 0;
        for (int i = 0; i < 10_000; i++) right += a.act(0);
        assertEquals(500, right, 4 * Math.sqrt(10_000 * 0.05 * 0.95), "right drawn 5% of the time (+-4 SD)");
    }

    @Test
    @DisplayName("mistakes are one-line UserErrors naming the setting: initial_theta's length, min_probability, features, Box features on a Discrete env")
    void mistakes() {
        UserError e = assertThrows(UserError.class, () -> agent(Reinforce.TYPE, "{\"alpha\": 0.1, \"initial_theta\": [1, 2, 3]}"));
        assertTrue(e.getMessage().contains("initial_theta") && e.getMessage().contains("expected 2"), e.getMessage());
        e = assertThrows(UserError.class, () -> agent(Reinforce.TYPE, "{\"alpha\": 0.1, \"min_probability\": 0.5}"));
        assertTrue(e.getMessage().contains("min_probability"), e.getMessage());
        e = assertThrows(UserError.class, () -> agent(OneStepActorCritic.TYPE, "{\"alpha_theta\": 0.1, \"alpha_w\": 0.1, \"features\": \"tiles\"}"));
        assertTrue(e.getMessage().contains("features"), e.getMessage());
        e = assertThrows(UserError.class, () -> agent(OneStepActorCritic.TYPE, "{\"alpha_theta\": 0.1, \"alpha_w\": 0.1, \"features\": \"observation\"}"));
        assertTrue(e.getMessage().contains("Box"), e.getMessage());
        e = assertThrows(UserError.class, () -> agent(ReinforceWithBaseline.TYPE, "{\"alpha_theta\": 0.1}"));
        assertTrue(e.getMessage().contains("alpha_w"), e.getMessage());
    }

    @Test
    @DisplayName("save then load restores theta and w; a file of another type is refused naming $.type")
    void saveLoad(@TempDir Path dir) throws Exception {
        ReinforceWithBaseline a = agent(ReinforceWithBaseline.TYPE, "{\"alpha_theta\": 0.5, \"alpha_w\": 0.5}");
        a.onEpisodeStart(0);
        a.observe(step(0, 1, -1, 3, true));
        Path file = dir.resolve("a.json");
        a.save(file);
        ReinforceWithBaseline b = agent(ReinforceWithBaseline.TYPE, "{\"alpha_theta\": 0.5, \"alpha_w\": 0.5}");
        b.load(file);
        assertArrayEquals(a.theta(), b.theta());
        assertEquals(a.baseline(0), b.baseline(0));
        Reinforce c = agent(Reinforce.TYPE, "{\"alpha\": 0.5}");
        UserError e = assertThrows(UserError.class, () -> c.load(file));
        assertTrue(e.getMessage().contains("$.type"), e.getMessage());
        assertTrue(Files.size(file) > 0);
    }

    /** Mean over runs of P(right) after {@code episodes}, and of the return over the last 1000 episodes. */
    static double[] learn(String type, String settings, int runs, int episodes) {
        double p = 0, tail = 0;
        for (int r = 0; r < runs; r++) {
            double[] sum = new double[1];
            try (Env<Object, Object> env = EnvRegistry.make(ShortCorridor.ID)) {
                LinearPolicyAgent a = Training.agent(type, settings, env, r * 7919L + 1);
                @SuppressWarnings("unchecked")
                Agent<Object, Object> agent = (Agent<Object, Object>) (Agent<?, ?>) a;
                Simulator.builder(env, agent).seed(r).maxEpisodes(episodes).listener(new SimulatorListener<>() {
                    @Override
                    public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                        if (episode >= episodes - 1000) sum[0] += episodeReturn;
                    }
                }).build().run();
                p += a.probabilities(ShortCorridor.START)[ShortCorridor.RIGHT] / runs;
                tail += sum[0] / 1000 / runs;
            }
        }
        return new double[] {p, tail};
    }

    @Test
    @Tag("learning")
    @DisplayName("S&B Example 13.1: REINFORCE (alpha 2^-13, 100 runs x 5000 episodes from P(right) 0.05) reaches P(right) 2 - sqrt 2 = 0.586 +-0.03 and a mean return over episodes 4001-5000 of v* = -11.66 +-0.3")
    void reinforceFindsTheStochasticOptimum() {
        double[] r = learn(Reinforce.TYPE, "{\"alpha\": " + Math.pow(2, -13) + ", \"initial_theta\": [1.47, -1.47], \"min_probability\": 0.05}", 100, 5000);
        System.out.printf("REINFORCE after 5000 episodes: P(right) %.4f, return over the last 1000 %.3f%n", r[0], r[1]);
        assertEquals(P_STAR, r[0], 0.03);
        assertEquals(ShortCorridor.startValue(P_STAR), r[1], 0.3);
    }

    @Test
    @Tag("learning")
    @DisplayName("one-step actor-critic with state-action features (alpha_theta 0.1, alpha_w 0.1, 100 runs x 2000 episodes) sees the cells and learns the 3-step route: mean return over episodes 1001-2000 > -3.2, P(right at S) > 0.95")
    void actorCriticLearnsTheRouteWhenStatesAreSeen() {
        double[] r = learn(OneStepActorCritic.TYPE, "{\"alpha_theta\": 0.1, \"alpha_w\": 0.1, \"features\": \"state-action\"}", 100, 2000);
        System.out.printf("actor-critic (state-action) over episodes 1001-2000: P(right at S) %.4f, return %.3f%n", r[0], r[1]);
        assertTrue(r[1] > -3.2 && r[1] <= -3, "return " + r[1]);
        assertTrue(r[0] > 0.95, "P(right at S) " + r[0]);
    }
}
