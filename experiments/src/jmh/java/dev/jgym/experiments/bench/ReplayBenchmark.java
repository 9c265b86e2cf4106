package dev.jgym.experiments.bench;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.replays.EpisodeSchedule;
import dev.jgym.replays.RecordReplay;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.ReplayRecorder;
import dev.jgym.replays.ReplayVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replays: verification speed (re-simulated steps per second, checksums included) and what
 * recording costs a training run (the same 10,000-step epsilon-greedy bandit run with and without
 * a {@link ReplayRecorder}: the capped-cubic default, and every episode recorded). Scores are steps
 * per microsecond; compare the ratio within one run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Djava.awt.headless=true"})
@State(Scope.Benchmark)
public class ReplayBenchmark {
    static final int RUN_STEPS = 10_000;

    Path dir;
    Replay bandit, breakout, lake;

    @Setup
    public void setup() throws IOException {
        dir = Files.createTempDirectory("jgym-replay-bench");
        bandit = record("GaussianBandit-v0", 10_000);
        breakout = record("MinAtar/Breakout-v1", 10_000);
        lake = record("FrozenLake8x8-v1", 10_000);
    }

    private Replay record(String id, int steps) {
        Path file = dir.resolve(id.replace('/', '-') + ".jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make(id), file, "random")) {
            env.reset(1L, Map.of());
            for (int i = 0; i < steps; i++) {
                Step<Object> s = env.step(env.sampleAction());
                if (s.done()) env.reset();
            }
        }
        return ReplayReader.read(file);
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long verifyBandit() {
        return ReplayVerifier.verify(bandit).steps();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long verifyBreakout() {
        return ReplayVerifier.verify(breakout).steps();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long verifyFrozenLake8x8() {
        return ReplayVerifier.verify(lake).steps();
    }

    /** Baseline: one bandit training run, no recording. */
    @Benchmark
    @OperationsPerInvocation(RUN_STEPS)
    public long trainNoRecording() {
        return train(null);
    }

    /** The default: capped-cubic schedule (with 1000-pull episodes: episodes 0, 1 and 8 of 10). */
    @Benchmark
    @OperationsPerInvocation(RUN_STEPS)
    public long trainRecordingCappedCubic() {
        return train(EpisodeSchedule.cappedCubic());
    }

    /** Worst case: every episode recorded, with annotations. */
    @Benchmark
    @OperationsPerInvocation(RUN_STEPS)
    public long trainRecordingEveryEpisode() {
        return train(EpisodeSchedule.all());
    }

    private long train(EpisodeSchedule schedule) {
        Env<Object, Object> env = EnvRegistry.make("GaussianBandit-v0");
        @SuppressWarnings("unchecked")
        Agent<Object, Object> agent = (Agent<Object, Object>) Agents.create("epsilon-greedy", Json.MAPPER.createObjectNode().put("epsilon", 0.1),
                "bench", "$", new AgentContext("epsilon-greedy", env.observationSpace(), env.actionSpace(), new Rng(3)));
        var sim = Simulator.builder(env, agent).seed(7).maxSteps(RUN_STEPS);
        ReplayRecorder<Object, Object> rec = null;
        if (schedule != null) {
            Path agentDir = dir.resolve("train");
            rec = new ReplayRecorder<>(env, agent, ReplayHeader.of("GaussianBandit-v0", Map.of(), env, 7, "eps", 0, null), schedule,
                    n -> ReplayFiles.episodeFile(agentDir, n), agentDir.resolve(ReplayFiles.EPISODE_LOG));
            sim.listener(rec);
        }
        try {
            return sim.build().run().steps();
        } finally {
            if (rec != null) rec.close();
        }
    }
}
