package dev.jgym.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.nn.Param;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adversarial imitation: the reward, the expert data, the discriminator, refusals, determinism, resume. */
class AdversarialImitationTest {

    /** A short DQN run on env (one-step returns); with {@code expert} non-null, an imitation run from those replays. */
    static DqnConfig config(String env, String expert, int episodes, int nStep) {
        try {
            return Json.bind(Json.MAPPER.readTree(json(env, expert, episodes, nStep)), DqnConfig.class, "test.json", "$");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(String env, String expert, int episodes, int nStep) {
        return "{\"name\": \"im\", \"seed\": 5, \"env\": {\"id\": \"" + env + "\"},"
                + "\"dqn\": {\"total_steps\": 2000, \"buffer_size\": 1000, \"batch_size\": 32, \"learning_starts\": 300,"
                + "\"target_update_interval\": 100, \"exploration_fraction\": 0.5, \"double\": true, \"n_step\": " + nStep + ","
                + "\"network\": {\"hidden\": [32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + (expert == null ? "" : "\"imitation\": {\"expert\": [" + Json.MAPPER.valueToTree(expert) + "], \"episodes\": " + episodes + ","
                        + "\"discriminator\": {\"network\": {\"hidden\": [16], \"activation\": \"tanh\"}, \"batch_size\": 32, \"update_interval\": 1,"
                        + " \"learner_window\": 500}},")
                + "\"evaluation\": {\"interval\": 1000, \"episodes\": 2, \"final_episodes\": 2, \"stop_when_solved\": false}, \"checkpoint\": {\"interval\": 700}}";
    }

    /** Records {@code n} greedy episodes of an untrained DQN (its random initial weights) on env into dir. */
    static DqnTraining.EvalRow recordExpert(String env, Path dir, int n) {
        DqnConfig cfg = config(env, null, 0, 1);
        DqnTraining training = new DqnTraining(cfg, "expert.json");
        DqnTraining.Shape shape = training.validate();
        try (CpuBackend be = new CpuBackend(1)) {
            DqnLearner learner = new DqnLearner(cfg.dqn(), be, shape.obsDim(), shape.actions(), new Rng(cfg.seed()));
            return ExpertReplays.record(cfg, "expert.json", learner, 11, n, dir);
        }
    }

    private static final ImitationSettings.RewardSettings GAIL = new ImitationSettings.RewardSettings("gail", 10.0);

    @Test
    @DisplayName("reward -log(1 - D) = -log(1 - sigmoid(z)) (to 1e-12), logit clamped to [-10, 10]: r in [4.54e-5, 10.0000454]")
    void rewardFormula() {
        for (double z : new double[] {-9.5, -3, -0.25, 0, 0.7, 2.5, 9}) {
            double d = 1 / (1 + Math.exp(-z));
            assertEquals(-Math.log(1 - d), AdversarialImitation.reward(GAIL, z), 1e-12, "z = " + z);
        }
        double top = Math.log1p(Math.exp(10)), bottom = Math.log1p(Math.exp(-10));
        assertEquals(10.000045398899218, top, 1e-12);
        assertEquals(4.5398899216870535e-05, bottom, 1e-15);
        assertEquals(top, AdversarialImitation.reward(GAIL, 10), 1e-12);
        assertEquals(top, AdversarialImitation.reward(GAIL, 1e6), 1e-12, "a sure D gives the bound, not infinity");
        assertEquals(top, AdversarialImitation.reward(GAIL, Double.POSITIVE_INFINITY), 1e-12);
        assertEquals(bottom, AdversarialImitation.reward(GAIL, -1e6), 1e-15);
        ImitationSettings.RewardSettings logit = new ImitationSettings.RewardSettings("logit", 5.0);
        assertEquals(1.25, AdversarialImitation.reward(logit, 1.25), 0);
        assertEquals(5.0, AdversarialImitation.reward(logit, 80), 0);
        assertEquals(-5.0, AdversarialImitation.reward(logit, -80), 0);
    }

    @Test
    @DisplayName("expert pairs read from replays are the observations and actions of stepping the env from each replay's seed")
    void expertPairsEqualResimulation(@TempDir Path dir) {
        recordExpert("CartPole-v1", dir, 3);
        ExpertDemonstrations ex = ExpertDemonstrations.load(List.of(dir.toString()), 3, "CartPole-v1", Map.of(), 4, "test.json");
        List<Float> obs = new ArrayList<>();
        List<Integer> acts = new ArrayList<>();
        double returns = 0;
        for (Path f : ReplayFiles.find(dir)) {
            Replay r = ReplayReader.read(f);
            @SuppressWarnings("unchecked")
            Env<float[], Integer> env = (Env<float[], Integer>) (Env<?, ?>) EnvRegistry.make("CartPole-v1", Map.of());
            for (ReplayEpisode e : r.episodes()) {
                float[] o = env.reset(e.seed(), Map.of()).observation().clone();
                for (int i = 0; i < e.length(); i++) {
                    for (float v : o) obs.add(v);
                    int a = (Integer) e.action(i);
                    acts.add(a);
                    o = env.step(a).observation().clone();
                    returns += 1;
                }
            }
        }
        assertEquals(3, ex.episodes());
        assertEquals(acts.size(), ex.pairs());
        assertTrue(ex.pairs() > 20, "pairs " + ex.pairs());
        float[] want = new float[obs.size()];
        for (int i = 0; i < want.length; i++) want[i] = obs.get(i);
        assertArrayEquals(want, ex.observations(), "observations bit for bit");
        assertArrayEquals(acts.stream().mapToInt(Integer::intValue).toArray(), ex.actions());
        assertEquals(returns / 3, ex.meanReturn(), 1e-9, "CartPole pays 1 a step");
    }

    @Test
    @DisplayName("D(s, a) learns to tell expert pairs (action 0) from learner pairs (action 1) on the same states: D >= 0.9 vs <= 0.1")
    void discriminatorSeparatesExpertFromLearner() {
        int n = 400, obsDim = 4;
        Rng rng = new Rng(9);
        float[] obs = new float[n * obsDim];
        for (int i = 0; i < obs.length; i++) obs[i] = (float) rng.gaussian();
        ExpertDemonstrations ex = new ExpertDemonstrations(obs, new int[n], 1, 0, List.of());
        ReplayBuffer buffer = new ReplayBuffer(1000, obsDim);
        float[] s = new float[obsDim];
        for (int i = 0; i < 1000; i++) {
            for (int k = 0; k < obsDim; k++) s[k] = (float) rng.gaussian();
            buffer.add(s, 1, Float.NaN, s, 0.99f);
        }
        ImitationSettings settings = Json.bind(Json.MAPPER.valueToTree(Map.of("expert", List.of("x"),
                "discriminator", Map.of("optimizer", Map.of("type", "adam", "lr", 0.003)))), ImitationSettings.class, "t", "$");
        try (CpuBackend be = new CpuBackend(1)) {
            AdversarialImitation im = new AdversarialImitation(settings, ex, buffer, 2, be, new Rng(1));
            for (int u = 0; u < 300; u++) im.update(u);
            double d0 = 0, d1 = 0;
            for (int i = 0; i < 100; i++) {
                for (int k = 0; k < obsDim; k++) s[k] = (float) rng.gaussian();
                d0 += im.probability(s, 0) / 100;
                d1 += im.probability(s, 1) / 100;
            }
            assertTrue(d0 >= 0.9 && d1 <= 0.1, "mean D(s, expert action) " + d0 + ", D(s, learner action) " + d1);
            // the relabelled reward follows D: high for the expert's action, low for the learner's
            float[] states = new float[2 * obsDim], rewards = new float[2];
            im.relabel(states, new int[] {0, 1}, 2, rewards);
            assertTrue(rewards[0] > 1 && rewards[1] < 0.2, "rewards " + rewards[0] + ", " + rewards[1]);
        }
    }

    private static void assertSameRun(DqnTraining.Result a, DqnTraining.Result b) {
        assertEquals(a.episodes(), b.episodes(), "episode rows (env returns, lengths, losses, mean Q)");
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.finalEvaluation(), b.finalEvaluation());
        assertEquals(a.learner().imitation().rows(), b.learner().imitation().rows(), "discriminator statistics");
        List<Param> pa = new ArrayList<>(((DqnLearner) a.learner()).online().params()), pb = new ArrayList<>(((DqnLearner) b.learner()).online().params());
        pa.addAll(a.learner().imitation().discriminator().network().params());
        pb.addAll(b.learner().imitation().discriminator().network().params());
        for (int i = 0; i < pa.size(); i++) assertTrue(pa.get(i).value().bitEquals(pb.get(i).value()), "parameter " + i + " bit for bit");
    }

    @Test
    @DisplayName("an imitation run on 1 and 2 CPU threads is bit-identical; the env reward never enters the buffer; resume equals the uninterrupted run")
    void deterministicAndResumable(@TempDir Path dir) {
        recordExpert("CartPole-v1", dir.resolve("expert"), 4);
        DqnConfig cfg = config("CartPole-v1", dir.resolve("expert").toString(), 4, 1);
        DqnTraining.Result one = new DqnTraining(cfg, "test.json").threads(1).run();
        DqnTraining.Result two = new DqnTraining(cfg, "test.json").threads(2).run();
        assertSameRun(one, two);
        AdversarialImitation im = one.learner().imitation();
        assertEquals(2000 - 300, im.updates(), "one D update every env step after learning_starts");
        assertTrue(one.episodes().stream().filter(e -> !Double.isNaN(e.loss())).allMatch(e -> Double.isFinite(e.loss())), "finite DQN losses");
        ReplayBuffer b = ((DqnLearner) one.learner()).buffer();
        for (int i = 0; i < b.size(); i++) assertTrue(Float.isNaN(b.rewards[i]), "the buffer holds no env reward");

        Path ckpt = dir.resolve("c.jgc");
        assertNull(new DqnTraining(cfg, "test.json").checkpointTo(ckpt).stopAfter(1111).run());
        DqnTraining.Result resumed = new DqnTraining(cfg, "test.json").resumeFrom(Checkpoint.read(ckpt)).run();
        assertSameRun(one, resumed);

        // the checkpoint of an imitation run does not fit a plain run
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", null, 0, 1), "plain.json").resumeFrom(Checkpoint.read(ckpt)).run());
        assertTrue(e.getMessage().contains("imitation"), e.getMessage());
    }

    @Test
    @DisplayName("refused with one line: missing path, empty folder, another env, a damaged file, a non-replay, too few episodes, n_step > 1")
    void badExpertData(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good");
        recordExpert("CartPole-v1", good, 2);
        String source = "test.json";
        UserError missing = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", dir.resolve("nope").toString(), 2, 1), source).validate());
        assertTrue(missing.getMessage().startsWith("test.json: $.imitation.expert[0]: no such file or folder"), missing.getMessage());

        Files.createDirectories(dir.resolve("empty"));
        UserError empty = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", dir.resolve("empty").toString(), 2, 1), source).validate());
        assertTrue(empty.getMessage().contains("holds no .jgr replays"), empty.getMessage());

        recordExpert("MountainCar-v0", dir.resolve("car"), 1);
        UserError other = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", dir.resolve("car").toString(), 1, 1), source).validate());
        assertTrue(other.getMessage().contains("recorded on MountainCar-v0, but test.json trains CartPole-v1"), other.getMessage());

        Path file = ReplayFiles.find(good).get(0);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.jgr");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        UserError damaged = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", cut.toString(), 1, 1), source).validate());
        assertTrue(damaged.getMessage().startsWith("replay " + cut) && damaged.getMessage().contains("must be complete"), damaged.getMessage());

        Path text = dir.resolve("notes.jgr");
        Files.writeString(text, "not a replay");
        UserError foreign = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", text.toString(), 1, 1), source).validate());
        assertTrue(foreign.getMessage().contains("not a jgym replay"), foreign.getMessage());

        UserError few = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", good.toString(), 3, 1), source).validate());
        assertTrue(few.getMessage().contains("$.imitation.episodes: expected at most 2"), few.getMessage());

        UserError nStep = assertThrows(UserError.class, () -> new DqnTraining(config("CartPole-v1", good.toString(), 2, 3), source).validate());
        assertTrue(nStep.getMessage().contains("$.dqn.n_step") && nStep.getMessage().contains("found 3"), nStep.getMessage());
    }

    @Test
    @DisplayName("CLI: jgym train, jgym replay record <run> (10 files that verify), jgym train of an imitation config writes imitation.csv")
    void commandLine(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("expert.json"), run = dir.resolve("run");
        Files.writeString(cfg, json("CartPole-v1", null, 0, 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out), e = new PrintStream(err);
        assertEquals(0, dev.jgym.experiments.cli.Main.run(new String[] {"train", cfg.toString(), "--out", run.toString(), "--quiet", "--threads", "1"}, o, e, false), err.toString());
        assertEquals(0, dev.jgym.experiments.cli.Main.run(new String[] {"replay", "record", run.toString(), "--episodes", "10"}, o, e, false), err.toString());
        Path expert = ExpertReplays.defaultFolder(run);
        assertEquals(10, ReplayFiles.find(expert).size());
        assertEquals(0, dev.jgym.experiments.cli.Main.run(new String[] {"replay", "verify", expert.toString()}, o, e, false), err.toString());
        assertTrue(out.toString().contains("10 greedy episodes of " + run), out.toString());
        // a second recording into the same folder is refused rather than mixed in
        assertEquals(2, dev.jgym.experiments.cli.Main.run(new String[] {"replay", "record", run.toString()}, o, e, false));
        assertTrue(err.toString().contains("already holds .jgr replays"), err.toString());

        Path im = dir.resolve("imitation.json"), imRun = dir.resolve("im");
        Files.writeString(im, json("CartPole-v1", expert.toString(), 10, 1));
        assertEquals(0, dev.jgym.experiments.cli.Main.run(new String[] {"train", im.toString(), "--out", imRun.toString(), "--quiet", "--threads", "1"}, o, e, false), err.toString());
        List<String> lines = Files.readAllLines(imRun.resolve("imitation.csv"));
        assertEquals("updates,step,discriminator_loss,expert_score,learner_score,mean_reward", lines.get(0));
        assertEquals(2, lines.size(), "1700 D updates: one row of 1000: " + lines);
        String[] row = lines.get(1).split(",");
        assertEquals("1000", row[0]);
        double expertScore = Double.parseDouble(row[3]), learnerScore = Double.parseDouble(row[4]);
        assertTrue(expertScore > learnerScore, "D scores the expert's pairs above the learner's: " + lines.get(1));
        assertTrue(Files.readString(imRun.resolve("summary.json")).contains("\"expert_episodes\" : 10"));
    }
}
