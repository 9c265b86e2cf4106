package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EnvChecker passes a good env and names the problem of each deliberately broken one
 * (the checks of Gymnasium's gymnasium/utils/env_checker.py that apply here).
 */
class EnvCheckerTest {

    @Test
    @DisplayName("a good env has no problems, built directly or made through the registry")
    void goodEnvPasses() {
        assertEquals(List.of(), EnvChecker.check(() -> new RandomWalk(7)));
        String id = "CheckerWalk-v0";
        if (!EnvRegistry.ids().contains(id)) {
            EnvRegistry.register(EnvSpec.builder(id, options -> new RandomWalk(7)).maxEpisodeSteps(20).build());
        }
        assertEquals(List.of(), EnvChecker.check(id));
    }

    @Test
    @DisplayName("an env that ignores the reset seed is reported")
    void ignoresSeed() {
        List<String> problems = EnvChecker.check(() -> new Wrapper<Integer, Integer>(new RandomWalk(7)) {
            @Override
            public Reset<Integer> reset(Long seed, Map<String, ?> options) {
                return env.reset(0L, options); // the caller's seed is dropped
            }
        });
        assertEquals(List.of("reset(456) left the random stream in the same state as reset(123): the seed is ignored"), problems);
    }

    @Test
    @DisplayName("an env whose observation leaves its space is reported at the first such step")
    void observationOutsideSpace() {
        List<String> problems = EnvChecker.check(() -> new Wrapper<Integer, Integer>(new RandomWalk(7)) {
            @Override
            public Space<Integer> observationSpace() {
                return new Discrete(7);
            }

            @Override
            public Step<Integer> step(Integer action) {
                Step<Integer> s = env.step(action);
                return new Step<>(s.observation() + 7, s.reward(), s.terminated(), s.truncated(), s.info());
            }
        });
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("step 0: observation \\d+ is not in Discrete\\(7\\)"), problems.get(0));
    }

    /** Steps depend on a counter shared by every instance and never seeded. */
    private static final class CountingWalk extends Wrapper<Integer, Integer> {
        private static int globalSteps;

        CountingWalk() {
            super(new RandomWalk(7));
        }

        @Override
        public Step<Integer> step(Integer action) {
            Step<Integer> s = env.step(action);
            return new Step<>(s.observation(), globalSteps++ % 2, s.terminated(), s.truncated(), s.info());
        }
    }

    @Test
    @DisplayName("an env made nondeterministic by an unseeded counter is reported")
    void nondeterministic() {
        List<String> problems = EnvChecker.check(CountingWalk::new);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("step 0: same seed and actions gave different steps: "), problems.get(0));
    }

    @Test
    @DisplayName("an env whose close() throws the second time is reported")
    void closeTwiceThrows() {
        List<String> problems = EnvChecker.check(() -> new Wrapper<Integer, Integer>(new RandomWalk(7)) {
            private boolean closed;

            @Override
            public void close() {
                if (closed) throw new IllegalStateException("already closed");
                closed = true;
            }
        });
        assertEquals(List.of("close() twice threw java.lang.IllegalStateException: already closed"), problems);
    }

    @Test
    @DisplayName("an env whose sampleAction is not seeded by reset is reported")
    void unseededSampleAction() {
        long[] instances = {0};
        List<String> problems = EnvChecker.check(() -> new Wrapper<Integer, Integer>(new RandomWalk(7)) {
            private final Rng own = new Rng(instances[0]++); // seeded per instance, not from reset

            @Override
            public Integer sampleAction() {
                return own.nextInt(2);
            }
        });
        assertEquals(List.of("sampleAction() after reset(9) differs between two envs: not seeded from the reset seed"), problems);
    }
}
