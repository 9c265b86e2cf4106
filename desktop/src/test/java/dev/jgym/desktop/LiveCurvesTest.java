package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.experiments.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live view's learning curves of an agents experiment (bandits, tabular): from its streamed metrics.csv and run 0's episode logs. */
class LiveCurvesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a finished tabular run (cliff walking, 2 agents, one quoted label): per agent the mean return of every episode, as metrics.csv holds it")
    void finishedTabularRun() throws Exception {
        Path run = train("{\"name\": \"c\", \"env\": {\"id\": \"CliffWalking-v1\"}, \"seed\": 0, \"runs\": 3, \"curve\": \"episode\", \"episodes\": 20,"
                + "\"summary_window\": 5, \"agents\": [{\"label\": \"Sarsa, 0.5\", \"type\": \"sarsa\", \"settings\": {\"alpha\": 0.5, \"epsilon\": 0.1}},"
                + "{\"label\": \"Q\", \"type\": \"q-learning\", \"settings\": {\"alpha\": 0.5, \"epsilon\": 0.1}}]}");
        LiveFollower.Curves c = new LiveFollower(run).curves();
        assertEquals(List.of("Sarsa, 0.5", "Q"), List.copyOf(c.lines().keySet()));
        assertEquals("return per episode, mean over runs (run 0 before an agent's first rows)", c.title());
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(1 + 2 * 20, rows.size());
        double[] q = c.lines().get("Q");
        for (int e = 0; e < 20; e++) assertEquals(Double.parseDouble(rows.get(21 + e).split(",")[2]), q[e], 0.0, "episode " + (e + 1));
    }

    @Test
    @DisplayName("a finished bandit run (a step curve): per agent the mean reward of every step, no one-episode logs")
    void finishedBanditRun() throws Exception {
        Path run = train("{\"name\": \"b\", \"env\": {\"id\": \"GaussianBandit-v0\", \"options\": {\"k\": 10}}, \"seed\": 1, \"runs\": 4, \"steps\": 50,"
                + "\"summary_window\": 10, \"agents\": [{\"label\": \"greedy\", \"type\": \"epsilon-greedy\", \"settings\": {\"epsilon\": 0.0}}]}");
        LiveFollower.Curves c = new LiveFollower(run).curves();
        assertEquals("reward per step, mean over runs", c.title());
        assertEquals(List.of("greedy"), List.copyOf(c.lines().keySet()));
        assertEquals(50, c.lines().get("greedy").length);
    }

    @Test
    @DisplayName("mid-run: the agents with rows come from metrics.csv (a half-written last line left out; the runner streams a chunk of an agent's points at a time), one without rows yet from its run-0 episode log")
    void midRun() throws Exception {
        Path run = Files.createDirectories(dir.resolve("mid"));
        Files.writeString(run.resolve("metrics.csv"), "agent,episode,return,length\n\"a, b\",1,-50.0,20.0\n\"a, b\",2,-30.0,15.0\nsecond,1,-9");
        Path log = Files.createDirectories(run.resolve("replays/second")).resolve("episodes.csv");
        Files.writeString(log, "episode,steps,return\n0,13,-13.0\n1,17,-17.0\n2,15,-15.0\n");
        Map<String, double[]> lines = new LiveFollower(run).curves().lines();
        assertEquals(List.of("a, b", "second (run 0)"), List.copyOf(lines.keySet()));
        assertArrayEquals(new double[] {-50, -30}, lines.get("a, b"));
        assertArrayEquals(new double[] {-13, -17, -15}, lines.get("second (run 0)"));
    }

    @Test
    @DisplayName("a PPO and a SAC run: the training curve has a point per training episode, and the live view ends on the final evaluation's replay")
    void pgAndOffPolicyRuns() throws Exception {
        String[] configs = {
            "{\"name\": \"ppo\", \"seed\": 4, \"env\": {\"id\": \"CartPole-v1\"}, \"pg\": {\"total_steps\": 1024, \"n_envs\": 4, \"n_steps\": 64,"
                + "\"n_epochs\": 2, \"batch_size\": 64, \"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 512, \"episodes\": 1, \"final_episodes\": 2}}",
            "{\"name\": \"sac\", \"seed\": 3, \"env\": {\"id\": \"Pendulum-v1\"}, \"offpolicy\": {\"algorithm\": \"sac\", \"total_steps\": 450,"
                + "\"learning_starts\": 100, \"batch_size\": 32, \"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 200, \"episodes\": 1, \"final_episodes\": 1}}"};
        for (String json : configs) {
            Path run = train(json);
            LiveFollower live = new LiveFollower(run);
            LiveFollower.Curves c = live.curves();
            assertEquals("training episode return", c.title());
            assertEquals(Files.readAllLines(run.resolve("episodes.csv")).size() - 1, c.lines().get("training").length, run.toString());
            assertEquals(run.resolve("replays/final-evaluation.jgr"), live.newReplay());
        }
    }

    @Test
    @DisplayName("an AlphaZero run: its streamed metrics.csv gives the policy and value loss of every iteration; mid-run, the iterations written so far")
    void alphaZeroRun() throws Exception {
        Path run = train("{\"name\": \"az\", \"seed\": 2, \"game\": \"tictactoe\", \"alphazero\": {\"iterations\": 3, \"games_per_iteration\": 4,"
                + "\"simulations\": 8, \"window\": 20, \"batch_size\": 16, \"train_steps\": 4, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.002}},"
                + "\"evaluation\": {\"interval\": 3, \"games\": 2, \"opponent\": \"random\"}}");
        LiveFollower.Curves c = new LiveFollower(run).curves();
        assertEquals("mean loss per iteration", c.title());
        assertEquals(List.of("policy loss", "value loss"), List.copyOf(c.lines().keySet()));
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(1 + 3, rows.size());
        for (int i = 0; i < 3; i++) assertEquals(Double.parseDouble(rows.get(1 + i).split(",")[5]), c.lines().get("value loss")[i], 0.0, "iteration " + (i + 1));

        Path mid = Files.createDirectories(dir.resolve("az-mid"));
        Files.writeString(mid.resolve("metrics.csv"), rows.get(0) + "\n" + rows.get(1) + "\n" + rows.get(2).substring(0, 9));
        Files.copy(run.resolve("episodes.csv"), mid.resolve("episodes.csv"));
        assertArrayEquals(new double[] {Double.parseDouble(rows.get(1).split(",")[4])}, new LiveFollower(mid).curves().lines().get("policy loss"));
    }

    @Test
    @DisplayName("a language model's streamed metrics.csv: train and validation bits per character per evaluation, a half-written last line left out")
    void languageModelRun() throws Exception {
        Path run = Files.createDirectories(dir.resolve("lm"));
        Files.writeString(run.resolve("metrics.csv"), "step,lr,train_bpc,val_bpc\n10,0.003,4.5,4.25\n20,0.0029,3.5,3.75\n30,0.002");
        LiveFollower.Curves c = new LiveFollower(run).curves();
        assertEquals("bits per character per evaluation", c.title());
        assertArrayEquals(new double[] {4.5, 3.5}, c.lines().get("train bpc"));
        assertArrayEquals(new double[] {4.25, 3.75}, c.lines().get("val bpc"));
    }

    private int runs;

    /** Trains {@code json} with {@code jgym train} into a fresh folder; returns the folder. */
    private Path train(String json) throws Exception {
        Path cfg = dir.resolve("c.json"), run = dir.resolve("run-" + runs++);
        Files.writeString(cfg, json);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", cfg.toString(), "--out", run.toString(), "--quiet"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return run;
    }
}
