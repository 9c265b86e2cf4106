package dev.jgym.experiments.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.agents.AgentContext;
import dev.jgym.experiments.Experiment;
import dev.jgym.experiments.ExperimentResult;
import dev.jgym.agents.tabular.QLearning;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.Transition;
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
 * Tabular learning speed, one thread.
 * <ul>
 *   <li>{@code qLearningUpdate}: Q-learning's {@code observe} on 1024 recorded FrozenLake 4x4
 *       transitions (boxed observations, the public Agent API);
 *   <li>{@code rawArrayUpdate}: the baseline, the same updates on the same transitions in flat
 *       primitive arrays with no objects at all;
 *   <li>{@code qLearningTraining}: the whole loop (Simulator, env with its time limit, act, step,
 *       observe) for 1024 steps;
 *   <li>{@code cliffWalkingReproduction}: the wall time of {@code configs/tabular/cliff-walking-example-6.6.json}
 *       (3 agents x 200 runs x 500 episodes, greedy evaluation) on one thread, run from the
 *       repository root.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class TabularBenchmark {
    static final int STEPS = 1024;

    QLearning agent;
    Env<Object, Object> env;
    long seed;
    @SuppressWarnings("unchecked")
    final Transition<Object, Integer>[] transitions = new Transition[STEPS];
    final int[] s = new int[STEPS], a = new int[STEPS], next = new int[STEPS];
    final double[] r = new double[STEPS];
    final boolean[] terminal = new boolean[STEPS];
    final double[] q = new double[16 * 4];

    @Setup
    public void setup() {
        env = EnvRegistry.make("FrozenLake-v1");
        agent = newAgent(env);
        Rng rng = new Rng(3);
        Object obs = env.reset(1L, Map.of()).observation();
        for (int i = 0; i < STEPS; i++) {
            Integer action = rng.nextInt(4);
            Step<Object> step = env.step(action);
            transitions[i] = new Transition<>(obs, action, step.reward(), step.observation(), step.terminated(), step.truncated(), step.info());
            s[i] = (Integer) obs;
            a[i] = action;
            r[i] = step.reward();
            next[i] = (Integer) step.observation();
            terminal[i] = step.terminated();
            obs = step.done() ? env.reset().observation() : step.observation();
        }
    }

    static QLearning newAgent(Env<Object, Object> env) {
        dev.jgym.agents.tabular.TdSettings settings = Json.bind(JsonNodeFactory.instance.objectNode().put("gamma", 0.99), dev.jgym.agents.tabular.TdSettings.class, "bench", "$");
        return new QLearning(settings, new AgentContext(QLearning.TYPE, env.observationSpace(), env.actionSpace(), new Rng(5)));
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double qLearningUpdate() {
        for (Transition<Object, Integer> t : transitions) agent.observe(t);
        return agent.value(0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double rawArrayUpdate() {
        for (int i = 0; i < STEPS; i++) {
            int sa = s[i] * 4 + a[i];
            double best = q[next[i] * 4];
            for (int b = 1; b < 4; b++) best = Math.max(best, q[next[i] * 4 + b]);
            double target = r[i] + (terminal[i] ? 0 : 0.99 * best);
            q[sa] += 0.1 * (target - q[sa]);
        }
        return q[0];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    @SuppressWarnings("unchecked")
    public double qLearningTraining() {
        Env<Object, Integer> e = (Env<Object, Integer>) (Env<?, ?>) env;
        Simulator.builder(e, (dev.jgym.core.sim.Agent<Object, Integer>) agent).seed(seed++).maxSteps(STEPS).build().run();
        return agent.value(0, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public double cliffWalkingReproduction() {
        ExperimentResult result = Experiment.read(Path.of("configs/tabular/cliff-walking-example-6.6.json")).run(1, n -> { });
        return result.windowMean("Sarsa", "return");
    }
}
