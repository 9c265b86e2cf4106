package dev.jgym.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgym play} on the runs of every kind that holds a policy: a PPO and a SAC run (DQN's are
 * in {@code DqnCliTest}), found through the run's {@code config.json} and its kind.
 */
class PlayCommandTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String PPO = "{\"name\": \"ppo\", \"seed\": 4, \"env\": {\"id\": \"CartPole-v1\"},"
            + "\"pg\": {\"total_steps\": 3000, \"n_envs\": 4, \"n_steps\": 64, \"n_epochs\": 3, \"batch_size\": 64, \"gamma\": 0.98,"
            + "\"network\": {\"hidden\": [16, 16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 1000, \"episodes\": 2, \"final_episodes\": 20}}";

    static final String SAC = "{\"name\": \"sac\", \"seed\": 3, \"env\": {\"id\": \"Pendulum-v1\"},"
            + "\"offpolicy\": {\"algorithm\": \"sac\", \"total_steps\": 700, \"learning_starts\": 100, \"batch_size\": 32, \"train_freq\": 2,"
            + "\"gradient_steps\": 2, \"network\": {\"hidden\": [32, 32]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
            + "\"evaluation\": {\"interval\": 300, \"episodes\": 1, \"final_episodes\": 10}, \"replays\": {\"schedule\": \"none\"}}";

    private static final Pattern LINE = Pattern.compile(
            "(\\d+) episodes of .*: return (-?[0-9.]+) \\+- ([0-9.]+) \\(95% interval\\), no success rate \\(the env has no goal\\), mean length ([0-9.]+)\\n(replays in .*\\n)?");

    @Test
    @DisplayName("a PPO run (CartPole): play's mean lies within the final evaluation's 95% interval plus its own, no success rate (CartPole has no goal); the same seed plays the same; --record writes replays that verify")
    void ppo() throws Exception {
        playsLikeItsEvaluation(PPO, 10);
    }

    @Test
    @DisplayName("a SAC run (Pendulum): play's mean lies within the final evaluation's 95% interval plus its own; the same seed plays the same; --record writes replays that verify")
    void sac() throws Exception {
        playsLikeItsEvaluation(SAC, 4);
    }

    private void playsLikeItsEvaluation(String json, int recorded) throws Exception {
        Path cfg = dir.resolve("c.json"), run = dir.resolve("run");
        Files.writeString(cfg, json);
        Outcome train = jgym("train", cfg.toString(), "--out", run.toString(), "--quiet");
        assertEquals(0, train.code(), train.err());
        Outcome played = jgym("play", run.toString(), "--episodes", "20", "--seed", "9");
        assertEquals(0, played.code(), played.err());
        Matcher m = LINE.matcher(played.out());
        assertTrue(m.matches(), played.out());
        double mean = Double.parseDouble(m.group(2)), ci = Double.parseDouble(m.group(3));
        JsonNode fin = Json.MAPPER.readTree(run.resolve("summary.json").toFile()).get("final_evaluation");
        double evalMean = fin.get("mean_return").asDouble();
        double evalCi = 1.96 * fin.get("std_return").asDouble() / Math.sqrt(fin.get("episodes").asInt());
        assertTrue(Math.abs(mean - evalMean) <= ci + evalCi, "play " + mean + " +- " + ci + " vs the run's final evaluation " + evalMean + " +- " + evalCi);

        Outcome again = jgym("play", run.resolve("checkpoint.jgc").toString(), "--episodes", "20", "--seed", "9");
        assertEquals(played.out().substring(played.out().indexOf(": return")), again.out().substring(again.out().indexOf(": return")),
                "same seed, same episodes");
        Path replays = dir.resolve("played");
        Outcome rec = jgym("play", run.toString(), "--episodes", String.valueOf(recorded), "--record", replays.toString());
        assertEquals(0, rec.code(), rec.err());
        assertEquals(recorded, ReplayFiles.find(replays).size());
        for (Path f : ReplayFiles.find(replays)) assertTrue(ReplayVerifier.verify(f).ok(), f.toString());
        Outcome twice = jgym("play", run.toString(), "--episodes", "1", "--record", replays.toString());
        assertEquals(2, twice.code());
        assertEquals("jgym: " + replays + ": already holds .jgr replays (remove them, or record into another folder)", twice.err().strip());
    }

    @Test
    @DisplayName("wrong files are one line and exit 2: a non-run file, a folder without config.json, a run of a kind without a policy, a checkpoint of another family")
    void wrongFiles() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertOneLine(jgym("play", text.toString()), text + ": expected a run folder of `jgym train`, its checkpoint.jgc or its model.jgm, found a file named notes.txt");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLine(jgym("play", empty.toString()), empty + ": no config.json (expected the folder of a `jgym train` run, with config.json and checkpoint.jgc)");

        Path bandit = dir.resolve("bandit.json"), banditRun = dir.resolve("bandit");
        Files.writeString(bandit, "{\"name\": \"b\", \"env\": {\"id\": \"GaussianBandit-v0\"}, \"seed\": 1, \"runs\": 2, \"steps\": 20, \"summary_window\": 5,"
                + "\"agents\": [{\"label\": \"g\", \"type\": \"epsilon-greedy\", \"settings\": {\"epsilon\": 0.1}}]}");
        assertEquals(0, jgym("train", bandit.toString(), "--out", banditRun.toString(), "--quiet").code());
        assertOneLine(jgym("play", banditRun.toString()), banditRun + ": a run of kind agents has no policy that `jgym play` plays (it plays dqn, pg and offpolicy runs)");

        Path sac = dir.resolve("sac.json"), sacRun = dir.resolve("sac"), ppo = dir.resolve("ppo.json"), ppoRun = dir.resolve("ppo");
        Files.writeString(sac, SAC.replace("\"total_steps\": 700", "\"total_steps\": 200"));
        Files.writeString(ppo, PPO.replace("\"total_steps\": 3000", "\"total_steps\": 256"));
        assertEquals(0, jgym("train", sac.toString(), "--out", sacRun.toString(), "--quiet").code());
        assertEquals(0, jgym("train", ppo.toString(), "--out", ppoRun.toString(), "--quiet").code());
        Files.copy(sacRun.resolve("checkpoint.jgc"), ppoRun.resolve("checkpoint.jgc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertOneLine(jgym("play", ppoRun.resolve("checkpoint.jgc").toString()),
                "checkpoint " + ppoRun.resolve("checkpoint.jgc") + ": not a policy-gradient checkpoint (wrong magic bytes)");
    }

    private static void assertOneLine(Outcome o, String message) {
        assertEquals(2, o.code(), o.err());
        assertEquals("jgym: " + message, o.err().strip());
    }
}
