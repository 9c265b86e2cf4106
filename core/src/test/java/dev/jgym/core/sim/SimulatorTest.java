package dev.jgym.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.RandomWalk;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.env.wrappers.TimeLimit;
import dev.jgym.core.rng.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The game loop's contract, as documented on {@link Simulator}: order of calls, budgets, stop, seeding. */
class SimulatorTest {

    /** Everything that happens, in order, as readable lines. */
    private final List<String> log = new ArrayList<>();

    /** Logs reset seeds and steps of the env inside it. */
    private final class LoggingEnv extends Wrapper<Integer, Integer> {
        LoggingEnv(Env<Integer, Integer> env) {
            super(env);
        }

        @Override
        public Reset<Integer> reset(Long seed, Map<String, ?> options) {
            log.add("reset " + seed);
            return env.reset(seed, options);
        }

        @Override
        public Step<Integer> step(Integer action) {
            log.add("step " + action);
            return env.step(action);
        }
    }

    /** Acts from its own seeded stream and logs what it is told. */
    private final class ScriptedAgent implements Agent<Integer, Integer> {
        private final Rng rng = new Rng(3);
        final List<Transition<Integer, Integer>> seen = new ArrayList<>();

        @Override
        public Integer act(Integer observation) {
            int a = rng.nextInt(2);
            log.add("act " + observation + " -> " + a);
            return a;
        }

        @Override
        public void observe(Transition<Integer, Integer> t) {
            seen.add(t);
            log.add("observe " + t.state() + " " + t.action() + " " + t.next());
        }

        @Override
        public void onEpisodeStart(Integer observation) {
            log.add("agent start " + observation);
        }

        @Override
        public void save(Path file) {}

        @Override
        public void load(Path file) {}
    }

    /** Logs every callback and checks the totals of each episode against its steps. */
    private final class Recorder implements SimulatorListener<Integer, Integer> {
        double sum;
        int length;
        final List<String> episodes = new ArrayList<>();

        @Override
        public void onEpisodeStart(int episode, Integer observation, Map<String, Object> info) {
            log.add("listener start " + episode + " " + observation);
            sum = 0;
            length = 0;
        }

        @Override
        public void onStep(long step, Transition<Integer, Integer> t) {
            log.add("listener step " + step);
            sum += t.reward();
            length++;
        }

        @Override
        public void onEpisodeEnd(int episode, double episodeReturn, int len, boolean terminated) {
            log.add("listener end " + episode);
            assertEquals(sum, episodeReturn, "return of episode " + episode);
            assertEquals(length, len, "length of episode " + episode);
            episodes.add(episodeReturn + "/" + len + "/" + (terminated ? "terminated" : "truncated"));
        }
    }

    /** Episodes of exactly three steps: a long walk cut by a time limit. */
    private Env<Integer, Integer> threeStepEnv() {
        return new LoggingEnv(new TimeLimit<>(new RandomWalk(1001), 3));
    }

    @Test
    @DisplayName("a tick is act -> step -> observe -> listener; an episode starts with reset, agent, listener")
    void tickOrder() {
        ScriptedAgent agent = new ScriptedAgent();
        Simulator.Result r = Simulator.builder(threeStepEnv(), agent).seed(9).maxEpisodes(1).listener(new Recorder()).build().run();
        assertEquals(new Simulator.Result(3, 1, Simulator.StopReason.EPISODE_BUDGET), r);
        List<String> expected = new ArrayList<>();
        int obs = agent.seen.get(0).state();
        expected.addAll(List.of("reset 9", "agent start " + obs, "listener start 0 " + obs));
        for (int i = 0; i < 3; i++) {
            Transition<Integer, Integer> t = agent.seen.get(i);
            expected.addAll(List.of("act " + t.state() + " -> " + t.action(), "step " + t.action(),
                    "observe " + t.state() + " " + t.action() + " " + t.next(), "listener step " + i));
        }
        expected.add("listener end 0");
        assertEquals(expected, log);
        for (int i = 1; i < 3; i++) assertEquals(agent.seen.get(i - 1).next(), agent.seen.get(i).state(), "next becomes state");
    }

    @Test
    @DisplayName("episodes roll over: onEpisodeEnd totals match the steps, episode indices count up, resets after the first are unseeded")
    void episodeRollover() {
        Recorder recorder = new Recorder();
        ScriptedAgent agent = new ScriptedAgent();
        Simulator.Result r = Simulator.builder(new LoggingEnv(new RandomWalk(5)), agent).seed(4).maxEpisodes(10)
                .listener(recorder).build().run();
        assertEquals(10, r.episodes());
        assertEquals(Simulator.StopReason.EPISODE_BUDGET, r.reason());
        assertEquals(agent.seen.size(), r.steps());
        assertEquals(10, recorder.episodes.size());
        List<String> resets = log.stream().filter(l -> l.startsWith("reset")).toList();
        assertEquals("reset 4", resets.get(0));
        assertEquals(List.of("reset null"), resets.subList(1, 10).stream().distinct().toList());
        assertEquals(10, resets.size());
        List<String> starts = log.stream().filter(l -> l.startsWith("listener start ")).map(l -> l.split(" ")[2]).toList();
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), starts);
        long ends = agent.seen.stream().filter(Transition::done).count();
        assertEquals(10, ends, "one done transition per episode");
    }

    @Test
    @DisplayName("step budget cuts an episode: 7 steps of 3-step episodes = 2 ended episodes, no onEpisodeEnd for the third")
    void stepBudget() {
        Recorder recorder = new Recorder();
        Simulator.Result r = Simulator.builder(threeStepEnv(), new ScriptedAgent()).maxSteps(7).listener(recorder).build().run();
        assertEquals(new Simulator.Result(7, 2, Simulator.StopReason.STEP_BUDGET), r);
        assertEquals(2, recorder.episodes.size());
        assertEquals(List.of("0.0/3/truncated", "0.0/3/truncated"), recorder.episodes);
    }

    @Test
    @DisplayName("a step budget that ends with an episode does not start another (no extra reset)")
    void stepBudgetAtEpisodeEnd() {
        Simulator.Result r = Simulator.builder(threeStepEnv(), new ScriptedAgent()).maxSteps(6).build().run();
        assertEquals(new Simulator.Result(6, 2, Simulator.StopReason.STEP_BUDGET), r);
        assertEquals(2, log.stream().filter(l -> l.startsWith("reset")).count());
    }

    @Test
    @DisplayName("zero budgets: no reset, no step")
    void zeroBudgets() {
        assertEquals(new Simulator.Result(0, 0, Simulator.StopReason.EPISODE_BUDGET),
                Simulator.builder(threeStepEnv(), new ScriptedAgent()).maxEpisodes(0).build().run());
        assertEquals(new Simulator.Result(0, 0, Simulator.StopReason.STEP_BUDGET),
                Simulator.builder(threeStepEnv(), new ScriptedAgent()).maxSteps(0).build().run());
        assertEquals(List.of(), log);
    }

    @Test
    @DisplayName("a run cut into pieces by runUntil (mid-episode, at an episode's end, by episodes) is the uncut run call for call, with the same totals")
    void runUntilContinuesTheSameRun() {
        Recorder whole = new Recorder();
        Simulator.Result r = Simulator.builder(threeStepEnv(), new ScriptedAgent()).seed(4).maxEpisodes(12).listener(whole).build().run();
        List<String> uncut = new ArrayList<>(log);
        log.clear();
        Recorder pieces = new Recorder();
        Simulator<Integer, Integer> sim = Simulator.builder(threeStepEnv(), new ScriptedAgent()).seed(4).maxEpisodes(12)
                .listener(pieces).build();
        Simulator.Result first = sim.runUntil(1, Integer.MAX_VALUE); // one step into the first episode
        assertEquals(new Simulator.Result(1, 0, Simulator.StopReason.STEP_BUDGET), first);
        Simulator.Result third = sim.runUntil(Long.MAX_VALUE, 3);
        assertEquals(3, third.episodes());
        assertEquals(Simulator.StopReason.EPISODE_BUDGET, third.reason());
        assertEquals(third, sim.runUntil(Long.MAX_VALUE, 3), "already there: nothing more");
        Simulator.Result fifth = sim.runUntil(Long.MAX_VALUE, 5);
        // episodes of three steps: 2 steps into the sixth is mid-episode
        assertEquals(new Simulator.Result(fifth.steps() + 2, 5, Simulator.StopReason.STEP_BUDGET), sim.runUntil(fifth.steps() + 2, Integer.MAX_VALUE));
        assertEquals(r, sim.run());
        assertEquals(uncut, log);
        assertEquals(whole.episodes, pieces.episodes);
    }

    @Test
    @DisplayName("requestStop from a listener stops after the current tick")
    void requestStopFromListener() {
        ScriptedAgent agent = new ScriptedAgent();
        List<Simulator<Integer, Integer>> holder = new ArrayList<>();
        SimulatorListener<Integer, Integer> stopper = new SimulatorListener<>() {
            @Override
            public void onStep(long step, Transition<Integer, Integer> t) {
                if (step == 4) holder.get(0).requestStop();
            }
        };
        Recorder after = new Recorder();
        Simulator<Integer, Integer> sim = Simulator.builder(threeStepEnv(), agent).listener(stopper).listener(after).build();
        holder.add(sim);
        Simulator.Result r = sim.run();
        assertEquals(new Simulator.Result(5, 1, Simulator.StopReason.STOP_REQUESTED), r);
        assertEquals(5, agent.seen.size());
        assertEquals("listener step 4", log.get(log.size() - 1), "the tick finished: later listeners still heard step 4");
    }

    @Test
    @DisplayName("the same seed gives the identical run; another seed a different one")
    void sameSeedSameRun() {
        assertEquals(trace(123), trace(123));
        assertNotEquals(trace(123), trace(124));
    }

    private List<String> trace(long seed) {
        ScriptedAgent agent = new ScriptedAgent();
        Simulator.builder(new RandomWalk(7), agent).seed(seed).maxSteps(200).build().run();
        List<String> out = new ArrayList<>();
        for (Transition<Integer, Integer> t : agent.seen) {
            out.add(Arrays.asList(t.state(), t.action(), t.reward(), t.next(), t.terminated()).toString());
        }
        return out;
    }

    @Test
    @DisplayName("the clock is asked once per tick, before the agent acts")
    void clockOncePerTick() {
        Clock clock = () -> log.add("tick");
        Simulator.builder(threeStepEnv(), new ScriptedAgent()).clock(clock).maxSteps(4).build().run();
        List<String> ticksAndActs = log.stream().filter(l -> l.equals("tick") || l.startsWith("act")).map(l -> l.substring(0, 3)).toList();
        assertEquals(List.of("tic", "act", "tic", "act", "tic", "act", "tic", "act"), ticksAndActs);
    }
}
