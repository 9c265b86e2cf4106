package dev.jgym.core.env;

import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Space;
import dev.jgym.core.space.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks that an env keeps the {@link Env} contract (Gymnasium's {@code check_env}):
 * <ol>
 *   <li>it has an observation and an action space;
 *   <li>{@code reset(123)}, {@code reset()}, {@code reset(123)}: the two seeded first
 *       observations match and lie in the observation space; {@code reset(456)} leaves the env's
 *       random stream in a different state than {@code reset(123)};
 *   <li>{@code reset} accepts empty options;
 *   <li>two fresh envs given the same seed and the same actions make identical steps (observation,
 *       reward, flags), and every observation lies in the space with a finite reward;
 *   <li>{@code sampleAction()} is in the action space and reproducible from the seed;
 *   <li>{@code close()} twice is safe.
 * </ol>
 * Problems are collected, not thrown one by one, so a report lists all of them.
 */
public final class EnvChecker {
    private static final int STEPS = 200;

    private EnvChecker() {}

    /** Checks the env {@code id} from the registry; an empty list means it passed. */
    public static List<String> check(String id) {
        return check(() -> EnvRegistry.make(id));
    }

    /** Checks envs made by {@code factory} (it is called a few times: each call a fresh env). */
    public static <O, A> List<String> check(Supplier<Env<O, A>> factory) {
        List<String> problems = new ArrayList<>();
        try {
            checkSpaces(factory, problems);
            checkResetSeeding(factory, problems);
            checkDeterminism(factory, problems);
            checkSampling(factory, problems);
            checkClose(factory, problems);
        } catch (RuntimeException e) {
            problems.add("threw " + e);
        }
        return problems;
    }

    private static <O, A> void checkSpaces(Supplier<Env<O, A>> factory, List<String> problems) {
        try (Env<O, A> env = factory.get()) {
            if (env.observationSpace() == null) problems.add("observationSpace() is null");
            if (env.actionSpace() == null) problems.add("actionSpace() is null");
        }
    }

    private static <O, A> void checkResetSeeding(Supplier<Env<O, A>> factory, List<String> problems) {
        try (Env<O, A> env = factory.get()) {
            Space<O> space = env.observationSpace();
            Reset<O> first = env.reset(123L, Map.of());
            if (first.info() == null) problems.add("reset returned a null info map");
            if (!space.contains(first.observation())) {
                problems.add("reset(123) observation " + Spaces.format(first.observation()) + " is not in " + space);
            }
            Rng afterSeed123 = env.rng() == null ? null : env.rng().copy();
            Reset<O> unseeded = env.reset();
            if (!space.contains(unseeded.observation())) {
                problems.add("reset() observation " + Spaces.format(unseeded.observation()) + " is not in " + space);
            }
            Reset<O> again = env.reset(123L, Map.of());
            if (!Spaces.deepEquals(first.observation(), again.observation())) {
                problems.add("reset(123) twice gave different first observations: " + Spaces.format(first.observation())
                        + " vs " + Spaces.format(again.observation()));
            }
            env.reset(456L, Map.of());
            if (afterSeed123 != null && env.rng().sameStateAs(afterSeed123)) {
                problems.add("reset(456) left the random stream in the same state as reset(123): the seed is ignored");
            }
            Reset<O> empty = env.reset(null, Map.of());
            if (!space.contains(empty.observation())) problems.add("reset(null, {}) observation is not in the space");
        }
    }

    private static <O, A> void checkDeterminism(Supplier<Env<O, A>> factory, List<String> problems) {
        try (Env<O, A> a = factory.get(); Env<O, A> b = factory.get()) {
            Rng actions = new Rng(7);
            Space<O> space = a.observationSpace();
            if (!Spaces.deepEquals(a.reset(42L, Map.of()).observation(), b.reset(42L, Map.of()).observation())) {
                problems.add("two envs reset with seed 42 gave different observations");
                return;
            }
            for (int i = 0; i < STEPS; i++) {
                A action = a.actionSpace().sample(actions);
                Step<O> sa = a.step(action), sb = b.step(action);
                if (!space.contains(sa.observation())) {
                    problems.add("step " + i + ": observation " + Spaces.format(sa.observation()) + " is not in " + space);
                    return;
                }
                if (!Double.isFinite(sa.reward())) {
                    problems.add("step " + i + ": reward is " + sa.reward());
                    return;
                }
                if (!Spaces.deepEquals(sa.observation(), sb.observation()) || Double.compare(sa.reward(), sb.reward()) != 0
                        || sa.terminated() != sb.terminated() || sa.truncated() != sb.truncated()) {
                    problems.add("step " + i + ": same seed and actions gave different steps: " + describe(sa) + " vs " + describe(sb));
                    return;
                }
                if (sa.done()) {
                    Reset<O> ra = a.reset(), rb = b.reset();
                    if (!Spaces.deepEquals(ra.observation(), rb.observation())) {
                        problems.add("after step " + i + ": unseeded resets of two identically seeded envs differ");
                        return;
                    }
                }
            }
        }
    }

    private static <O, A> void checkSampling(Supplier<Env<O, A>> factory, List<String> problems) {
        try (Env<O, A> a = factory.get(); Env<O, A> b = factory.get()) {
            a.reset(9L, Map.of());
            b.reset(9L, Map.of());
            for (int i = 0; i < 20; i++) {
                A x = a.sampleAction(), y = b.sampleAction();
                if (!a.actionSpace().contains(x)) {
                    problems.add("sampleAction() gave " + Spaces.format(x) + ", not in " + a.actionSpace());
                    return;
                }
                if (!Spaces.deepEquals(x, y)) {
                    problems.add("sampleAction() after reset(9) differs between two envs: not seeded from the reset seed");
                    return;
                }
            }
        }
    }

    private static <O, A> void checkClose(Supplier<Env<O, A>> factory, List<String> problems) {
        Env<O, A> env = factory.get();
        env.reset(1L, Map.of());
        env.close();
        try {
            env.close();
        } catch (RuntimeException e) {
            problems.add("close() twice threw " + e);
        }
    }

    private static String describe(Step<?> s) {
        return "(" + Spaces.format(s.observation()) + ", " + s.reward() + ", terminated=" + s.terminated() + ", truncated=" + s.truncated() + ")";
    }
}
