package dev.jgym.envs.bandit;

import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
import java.util.Map;

/**
 * What every k-armed bandit shares: one state (observation always 0), {@code Discrete(k)}
 * actions, the true value of each arm, the {@code optimal}/{@code regret} info of each pull
 * ({@link ArmInfo}) and the scene. A bandit says how its arms start ({@link #startEpisode}) and
 * how an arm pays ({@link #pull}); a drifting one also moves its arms ({@link #afterPull}).
 */
abstract class BanditEnv extends BaseEnv<Integer, Integer> {
    private static final Integer OBSERVATION = 0;
    private static final Discrete ONE_STATE = new Discrete(1);

    private final String id;
    private final Discrete actions;
    /** The true value of each arm now; subclasses set it in {@link #startEpisode}. */
    protected final double[] values;
    /** Info per arm while the values stay put; {@code null} when it must be computed per pull. */
    private Map<String, Object>[] infos;
    private int lastArm = -1;
    private double lastReward;
    private long steps;

    BanditEnv(String id, int k) {
        this.id = id;
        this.actions = new Discrete(k);
        this.values = new double[k];
    }

    /**
     * Sets {@link #values} for a new episode. {@code reseeded}: this reset had a seed (or is the
     * first), so an instance drawn once per seed is drawn now from {@link #rng}.
     */
    protected abstract void startEpisode(boolean reseeded);

    /** The reward of pulling arm {@code a}, drawn from {@link #rng}. */
    protected abstract double pull(int a);

    /** After each pull (and its info): the moment a drifting bandit moves its arms. */
    protected void afterPull() {}

    /** Whether the values stay put within an episode (the per-arm info can then be cached). */
    protected boolean stationary() {
        return true;
    }

    @Override
    public final Discrete observationSpace() {
        return ONE_STATE;
    }

    @Override
    public final Discrete actionSpace() {
        return actions;
    }

    @Override
    protected final Reset<Integer> onReset(Map<String, ?> resetOptions) {
        expectNoOptions(id, resetOptions);
        startEpisode(reseeded());
        infos = stationary() ? ArmInfo.perArm(values) : null;
        lastArm = -1;
        lastReward = 0;
        steps = 0;
        return new Reset<>(OBSERVATION);
    }

    @Override
    public final Step<Integer> step(Integer action) {
        int a = OptionChecks.arm(id, action, values.length);
        double reward = pull(a);
        Map<String, Object> info = infos != null ? infos[a] : ArmInfo.of(values, ArmInfo.best(values), a);
        afterPull();
        lastArm = a;
        lastReward = reward;
        steps++;
        return new Step<>(OBSERVATION, reward, false, false, info);
    }

    /** The true value of each arm now (a copy): for tests and viewers, never for agents. */
    public double[] trueValues() {
        return values.clone();
    }

    @Override
    public Scene scene(Annotations annotations) {
        return BanditScene.draw(values, annotations, lastArm, steps, lastReward);
    }
}
