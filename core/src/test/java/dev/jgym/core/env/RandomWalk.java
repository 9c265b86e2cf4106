package dev.jgym.core.env;

import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.Map;

/**
 * A tiny env for tests: a 1-D random walk on cells {@code 0 .. size-1}.
 *
 * <p>Action space {@code Discrete(2)}: 0 step left, 1 step right; with probability
 * {@link #SLIP} the step goes the other way (drawn from {@link #rng}).
 * <p>Observation {@code Discrete(size)}: the cell.
 * <p>Reward: +1 on reaching the right end, 0 otherwise.
 * <p>Start: uniform among the interior cells {@code 1 .. size-2} (drawn from {@link #rng}).
 * <p>Episode end: terminated at either end; no time limit of its own.
 */
public final class RandomWalk extends BaseEnv<Integer, Integer> {
    public static final double SLIP = 0.2;

    private final Discrete observations;
    private final Discrete actions = new Discrete(2);
    private int position;
    private int closes;

    public RandomWalk(int size) {
        if (size < 3) throw new IllegalArgumentException("a walk needs at least 3 cells, found " + size);
        this.observations = new Discrete(size);
    }

    @Override
    public Space<Integer> observationSpace() {
        return observations;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actions;
    }

    @Override
    protected Reset<Integer> onReset(Map<String, ?> options) {
        expectNoOptions("RandomWalk", options);
        position = 1 + rng.nextInt(observations.n() - 2);
        return new Reset<>(position, Map.of("start", position));
    }

    @Override
    public Step<Integer> step(Integer action) {
        if (!actions.contains(action)) throw new IllegalArgumentException("RandomWalk: action " + action + " is not in " + actions);
        int direction = action == 1 ? 1 : -1;
        if (rng.bernoulli(SLIP)) direction = -direction;
        position += direction;
        boolean rightEnd = position == observations.n() - 1;
        return new Step<>(position, rightEnd ? 1 : 0, rightEnd || position == 0, false, Map.of());
    }

    /** How many times {@link #onClose()} ran. */
    public int closes() {
        return closes;
    }

    @Override
    protected void onClose() {
        closes++;
    }
}
