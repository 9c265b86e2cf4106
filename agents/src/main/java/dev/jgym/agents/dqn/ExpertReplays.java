package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Backend;
import dev.jgym.core.rng.Rng;
import dev.jgym.replays.ReplayFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records greedy episodes of a trained DQN as {@code .jgr} replays, one episode a file: the expert
 * demonstrations that adversarial imitation ({@link AdversarialImitation}) learns from.
 * {@code jgym replay record <run-dir>} calls it on a finished run's {@code config.json} and
 * {@code checkpoint.jgc}, writing {@code <run-dir>/replays/expert/episode-J.jgr} (J from 0).
 *
 * <p>Episode J starts from {@code reset(seed_J)} with seed_J drawn from
 * {@code Rng(seed).child("expert").child(J)} (seed: the config's unless given), the same rule as the
 * run's greedy evaluations, so the recording is reproducible and draws nothing from the learner.
 */
public final class ExpertReplays {
    /** The folder under a run's replays folder. */
    public static final String FOLDER = "expert";

    private ExpertReplays() {}

    /** Where {@code jgym replay record} writes by default. */
    public static Path defaultFolder(Path runDir) {
        return runDir.resolve(ReplayFiles.FOLDER).resolve(FOLDER);
    }

    /** Records {@code episodes} greedy episodes of {@code learner} into {@code out}; returns their evaluation (env returns). */
    public static DqnTraining.EvalRow record(DqnConfig config, String source, Learner learner, long seed, int episodes, Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        if (!ReplayFiles.find(out).isEmpty()) {
            throw new UserError(out + ": already holds .jgr replays (remove them, or record into another folder with --out)");
        }
        JsonNode configJson = Json.MAPPER.valueToTree(config);
        DqnTraining training = new DqnTraining(config, source)
                .observeEvaluations(e -> DqnReplays.recorder(e, configJson, true, ReplayFiles.episodeFile(out, e.episode())));
        training.validate(); // binds how the greedy agent reads the env's observations
        return training.evaluate(learner, new Rng(seed).child("expert"), episodes, learner.updates(), null, 0);
    }

    /** A trained DQN run: its config and the learner its checkpoint holds. */
    record Trained(DqnConfig config, String source, Learner learner, Backend backend) implements AutoCloseable {
        @Override
        public void close() {
            backend.close();
        }
    }

    /** Loads a run folder's {@code config.json} and {@code checkpoint.jgc} (both written by {@code jgym train}). */
    static Trained load(Path runDir, int threads) {
        Path configFile = runDir.resolve("config.json"), checkpointFile = runDir.resolve("checkpoint.jgc");
        if (!Files.isDirectory(runDir)) throw new UserError(runDir + ": no such run folder (expected the --out folder of `jgym train`)");
        if (!Files.isRegularFile(configFile)) throw new UserError(runDir + ": no config.json (expected the folder of a `jgym train` run)");
        if (!DqnConfig.isDqn(configFile)) throw new UserError(configFile + ": not a DQN config (no top-level \"dqn\"); only a DQN's greedy policy plays");
        DqnConfig config = DqnConfig.read(configFile);
        DqnTraining training = new DqnTraining(config, configFile.toString());
        DqnTraining.Shape shape = training.validate();
        Checkpoint checkpoint = Checkpoint.read(checkpointFile);
        checkpoint.check(config, shape, configFile.toString());
        Backend backend = training.threads(threads).backend();
        Learner learner = Learners.create(config.dqn(), backend, training.view(), shape.actions(), new Rng(config.seed()), configFile.toString(), null);
        checkpoint.restoreInto(learner, new DqnTraining.Run());
        return new Trained(config, configFile.toString(), learner, backend);
    }

    /**
     * Records from a run folder: its {@code config.json} and {@code checkpoint.jgc} (both written by
     * {@code jgym train}); {@code seed} null for the config's.
     */
    public static DqnTraining.EvalRow record(Path runDir, int episodes, Long seed, Path out, int threads) {
        try (Trained t = load(runDir, threads)) {
            return record(t.config(), t.source(), t.learner(), seed == null ? t.config().seed() : seed, episodes, out);
        }
    }
}
