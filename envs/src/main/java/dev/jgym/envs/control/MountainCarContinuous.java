package dev.jgym.envs.control;

import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Box;
import java.util.Locale;
import java.util.Map;

/**
 * Continuous mountain car: the underpowered car of {@link MountainCar} pushed by a force in
 * [-1, 1] instead of three choices, rewarded for reaching the flag and charged for the fuel it
 * burns, with Gymnasium's {@code MountainCarContinuous-v0} dynamics
 * (gymnasium/envs/classic_control/continuous_mountain_car.py).
 *
 * <p>Action space {@code Box(-1, 1, [1])}: the force; the car is pushed with {@code force * 0.0015}
 * (an action outside the space is an error).
 *
 * <p>Observation {@code Box(2)}, float32:
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>position along the x axis</td><td>-1.2</td><td>0.6</td></tr>
 *   <tr><td>1</td><td>velocity</td><td>-0.07</td><td>0.07</td></tr>
 * </table>
 *
 * <p>Dynamics: {@code v += force * 0.0015 - 0.0025 cos(3 x)}, clipped to [-0.07, 0.07];
 * {@code x += v}, clipped to [-1.2, 0.6]; at the left wall a leftward velocity becomes 0. As in
 * Gymnasium, a step computes in double and the state is kept in float32 between steps
 * ({@code self.state = np.array(..., dtype=np.float32)}); the start state is double.
 *
 * <p>Reward: {@code -0.1 * force^2} every step, plus 100 on the step that reaches the goal.
 *
 * <p>Start: position uniform in [-0.6, -0.4), velocity 0 (reset options {@code low},
 * {@code high} move the position bounds).
 *
 * <p>Episode end: terminated when position >= 0.45 and velocity >= {@code goal_velocity};
 * truncated at 999 steps. Reward threshold 90.
 *
 * <p>Options: {@code goal_velocity} (number, default 0; {@link MountainCar.Settings}).
 *
 * <p>Versions: v0 is Gymnasium's MountainCarContinuous-v0.
 */
public final class MountainCarContinuous extends BaseEnv<float[], float[]> {
    static final String ID = "MountainCarContinuous-v0";
    static final double POWER = 0.0015, GRAVITY = 0.0025, GOAL_POSITION = 0.45, GOAL_REWARD = 100.0, ACTION_COST = 0.1;
    static final double MIN_POSITION = MountainCar.MIN_POSITION, MAX_POSITION = MountainCar.MAX_POSITION, MAX_SPEED = MountainCar.MAX_SPEED;

    private static final Box ACTIONS = new Box(new float[] {-1f}, new float[] {1f});

    private final double goalVelocity;
    private double position, velocity;

    public MountainCarContinuous() {
        this(new MountainCar.Settings(null));
    }

    public MountainCarContinuous(MountainCar.Settings settings) {
        this.goalVelocity = settings.goalVelocity();
    }

    static MountainCarContinuous fromOptions(Map<String, ?> options) {
        return new MountainCarContinuous(Json.bind(options, MountainCar.Settings.class, ID));
    }

    @Override
    public Box actionSpace() {
        return ACTIONS;
    }

    @Override
    public Box observationSpace() {
        return MountainCar.OBSERVATIONS;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> options) {
        double[] b = ResetOptions.bounds(ID, options, -0.6, -0.4);
        position = rng.uniform(b[0], b[1]);
        velocity = 0;
        return new Reset<>(observation());
    }

    @Override
    public Step<float[]> step(float[] action) {
        if (action == null || !ACTIONS.contains(action)) throw ResetOptions.badAction(ID, action, ACTIONS);
        double force = action[0];
        velocity += force * POWER - GRAVITY * Math.cos(3 * position);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) velocity = 0;
        boolean terminated = position >= GOAL_POSITION && velocity >= goalVelocity;
        double reward = (terminated ? GOAL_REWARD : 0) - force * force * ACTION_COST;
        position = (float) position;
        velocity = (float) velocity;
        return new Step<>(observation(), reward, terminated, false, terminated ? Env.successInfo(true) : Map.of()); // the flag is the goal
    }

    private float[] observation() {
        return new float[] {(float) position, (float) velocity};
    }

    /** The exact state {position, velocity}. */
    public double[] state() {
        return new double[] {position, velocity};
    }

    /** Sets the state; for tests and planners. */
    public void setState(double[] s) {
        if (s.length != 2) throw new IllegalArgumentException("MountainCarContinuous state has 2 values, found " + s.length);
        position = s[0];
        velocity = s[1];
    }

    /** The valley, the flag at 0.45 and the car. */
    @Override
    public Scene scene(Annotations annotations) {
        return MountainCar.scene(position, GOAL_POSITION, String.format(Locale.ROOT, "position %.3f, velocity %.4f", position, velocity));
    }
}
