package dev.jgym.envs.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.Locale;
import java.util.Map;

/**
 * Mountain car: an underpowered car in a valley must rock back and forth to reach the flag on the
 * right hill (Moore, 1990), with Gymnasium's {@code MountainCar-v0} dynamics.
 *
 * <p>Action space {@code Discrete(3)}:
 * <table>
 *   <tr><th>action</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>accelerate left</td></tr>
 *   <tr><td>1</td><td>do not accelerate</td></tr>
 *   <tr><td>2</td><td>accelerate right</td></tr>
 * </table>
 *
 * <p>Observation {@code Box(2)}, float32:
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>position along the x axis</td><td>-1.2</td><td>0.6</td></tr>
 *   <tr><td>1</td><td>velocity</td><td>-0.07</td><td>0.07</td></tr>
 * </table>
 *
 * <p>Dynamics (double precision): {@code v += (a - 1) * 0.001 - 0.0025 * cos(3 x)}, clipped to
 * [-0.07, 0.07]; {@code x += v}, clipped to [-1.2, 0.6]; at the left wall a leftward velocity
 * becomes 0 (an inelastic collision). The hills have height {@code 0.45 sin(3 x) + 0.55}.
 *
 * <p>Reward: -1 every step.
 *
 * <p>Start: position uniform in [-0.6, -0.4), velocity 0 (reset options {@code low},
 * {@code high} move the position bounds).
 *
 * <p>Episode end: terminated when position >= 0.5 and velocity >= {@code goal_velocity};
 * truncated at 200 steps. Reward threshold -110.
 *
 * <p>Options: {@code goal_velocity} (number, default 0).
 *
 * <p>Versions: v0 is Gymnasium's MountainCar-v0.
 */
public final class MountainCar extends BaseEnv<float[], Integer> {
    static final String ID = "MountainCar-v0";
    static final double MIN_POSITION = -1.2, MAX_POSITION = 0.6, MAX_SPEED = 0.07, GOAL_POSITION = 0.5;
    static final double FORCE = 0.001, GRAVITY = 0.0025;

    /** Options of MountainCar-v0 and MountainCarContinuous-v0. */
    public record Settings(@JsonProperty("goal_velocity") Double goalVelocity) {
        public Settings {
            if (goalVelocity == null) goalVelocity = 0.0;
            Check.finite("goal_velocity", goalVelocity);
        }
    }

    private static final Discrete ACTIONS = new Discrete(3);
    static final Box OBSERVATIONS = new Box(new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private final double goalVelocity;
    private double position, velocity;

    public MountainCar() {
        this(new Settings(null));
    }

    public MountainCar(Settings settings) {
        this.goalVelocity = settings.goalVelocity();
    }

    static MountainCar fromOptions(Map<String, ?> options) {
        return new MountainCar(Json.bind(options, Settings.class, ID));
    }

    @Override
    public Discrete actionSpace() {
        return ACTIONS;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> options) {
        double[] b = ResetOptions.bounds(ID, options, -0.6, -0.4);
        position = rng.uniform(b[0], b[1]);
        velocity = 0;
        return new Reset<>(observation());
    }

    @Override
    public Step<float[]> step(Integer action) {
        if (action == null || !ACTIONS.contains(action)) throw ResetOptions.badAction(ID, action, ACTIONS);
        velocity += (action - 1) * FORCE + Math.cos(3 * position) * (-GRAVITY);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) velocity = 0;
        boolean terminated = position >= GOAL_POSITION && velocity >= goalVelocity;
        return new Step<>(observation(), -1.0, terminated, false, terminated ? Env.successInfo(true) : Map.of()); // the flag is the goal
    }

    private float[] observation() {
        return new float[] {(float) position, (float) velocity};
    }

    /** The exact state {position, velocity} in double. */
    public double[] state() {
        return new double[] {position, velocity};
    }

    /** Sets the state; for tests and planners. */
    public void setState(double[] s) {
        if (s.length != 2) throw new IllegalArgumentException("MountainCar state has 2 values, found " + s.length);
        position = s[0];
        velocity = s[1];
    }

    /** Height of the hills at x. */
    static double height(double x) {
        return Math.sin(3 * x) * 0.45 + 0.55;
    }

    /** The hills, the flag and the car, in the env's own units (x in [-1.2, 0.6]). */
    @Override
    public Scene scene(Annotations annotations) {
        return scene(position, GOAL_POSITION, String.format(Locale.ROOT, "position %.3f, velocity %.4f", position, velocity));
    }

    /** The valley with the flag at {@code goal} and the car at {@code position} (both mountain cars draw this). */
    static Scene scene(double position, double goal, String caption) {
        Scene.Builder b = Scene.builder(new Viewport(MIN_POSITION, 0, MAX_POSITION, 1.2)).background(Color.WHITE);
        int n = 100;
        double[] xs = new double[n + 2], ys = new double[n + 2];
        for (int i = 0; i < n; i++) {
            xs[i] = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * i / (n - 1);
            ys[i] = height(xs[i]);
        }
        xs[n] = MAX_POSITION;
        ys[n] = 0;
        xs[n + 1] = MIN_POSITION;
        ys[n + 1] = 0;
        b.add(new Shape.Polygon(xs, ys, Color.rgb(0xe8dcc0), Color.BLACK, 0.006));
        double flagY = height(goal);
        b.line(goal, flagY, goal, flagY + 0.15, 0.006, Color.BLACK);
        b.add(new Shape.Polygon(new double[] {goal, goal, goal + 0.075},
                new double[] {flagY + 0.15, flagY + 0.11, flagY + 0.13}, Color.YELLOW, Color.TRANSPARENT, 0));
        // the car: a rectangle tilted with the slope, resting on the track
        double angle = Math.atan(1.35 * Math.cos(3 * position)), c = Math.cos(angle), s = Math.sin(angle);
        double w = 0.12, h = 0.06, clearance = 0.02, y0 = height(position);
        double[][] corners = {{-w / 2, clearance}, {-w / 2, clearance + h}, {w / 2, clearance + h}, {w / 2, clearance}};
        double[] cx = new double[4], cy = new double[4];
        for (int i = 0; i < 4; i++) {
            cx[i] = position + corners[i][0] * c - corners[i][1] * s;
            cy[i] = y0 + corners[i][0] * s + corners[i][1] * c;
        }
        b.add(new Shape.Polygon(cx, cy, Color.BLACK, Color.TRANSPARENT, 0));
        for (double wx : new double[] {-w / 3, w / 3}) {
            b.circle(position + wx * c - clearance * s, y0 + wx * s + clearance * c, clearance, Color.GREY);
        }
        return b.caption(caption).build();
    }
}
