package dev.jgym.experiments.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.Transition;
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
 * Bandit pulls per second, one thread: the env alone, the agent alone, a full simulator tick
 * (act, step, observe, listener), and the baseline: the same testbed and epsilon-greedy written as
 * one hand-inlined loop over primitive arrays (what the machine can do with no framework at all).
 * Read the ratios between them; absolute numbers move with the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "--add-modules", "jdk.incubator.vector"})
@State(Scope.Thread)
public class BanditBenchmark {
    static final int PULLS = 1000;

    Env<Integer, Integer> env;
    Agent<Integer, Integer> agent;
    Transition<Integer, Integer> transition;

    // baseline state
    final double[] qStar = new double[10];
    final double[] estimate = new double[10];
    final int[] count = new int[10];
    Rng baselineRng;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
        env = EnvRegistry.make("GaussianBandit-v0", Map.of("k", 10, "max_episode_steps", 1_000_000_000));
        env.reset(1L, Map.of());
        agent = (Agent<Integer, Integer>) Agents.create("epsilon-greedy",
                JsonNodeFactory.instance.objectNode().put("epsilon", 0.1), "bench", "$", new AgentContext("epsilon-greedy",
                        env.observationSpace(), env.actionSpace(), new Rng(2)));
        transition = new Transition<>(0, 3, 1.0, 0, false, false, Map.of());
        baselineRng = new Rng(3);
        for (int a = 0; a < 10; a++) qStar[a] = baselineRng.gaussian();
    }

    @Benchmark
    @OperationsPerInvocation(PULLS)
    public double envStep() {
        double sum = 0;
        for (int i = 0; i < PULLS; i++) {
            Step<Integer> s = env.step(i % 10);
            sum += s.reward();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PULLS)
    public int agentActObserve() {
        int sum = 0;
        for (int i = 0; i < PULLS; i++) {
            sum += agent.act(0);
            agent.observe(transition);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(PULLS)
    public long simulatorTick() {
        return Simulator.builder(env, agent).seed(4).maxSteps(PULLS).build().run().steps();
    }

    @Benchmark
    @OperationsPerInvocation(PULLS)
    public double baselineInlinedLoop() {
        Rng rng = baselineRng;
        double sum = 0;
        for (int i = 0; i < PULLS; i++) {
            int a;
            if (rng.nextDouble() < 0.1) {
                a = rng.nextInt(10);
            } else {
                a = 0;
                double best = estimate[0];
                for (int j = 1; j < 10; j++) {
                    if (estimate[j] > best) {
                        best = estimate[j];
                        a = j;
                    }
                }
            }
            double r = qStar[a] + rng.gaussian();
            count[a]++;
            estimate[a] += (r - estimate[a]) / count[a];
            sum += r;
        }
        return sum;
    }
}
