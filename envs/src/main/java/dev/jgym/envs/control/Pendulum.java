package dev.jgym.envs.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Inverted pendulum swing-up: apply a torque to a pendulum hanging from a pivot so that it swings
 * up and stays upright, with Gymnasium's {@code Pendulum-v1} dynamics.
 *
 * <p>Action space {@code Box(-2, 2, [1])}: the torque (N m) applied at the
 * pivot (an action outside the space is an error).
 *
 * <p>Observation {@code Box(3)}, float32:
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>cos(theta)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>1</td><td>sin(theta)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>2</td><td>angular velocity (rad/s)</td><td>-8</td><td>8</td></tr>
 * </table>
 * theta is 0 upright and grows counter-clockwise.
 *
 * <p>Dynamics (semi-implicit Euler, dt 0.05 s, m = l = 1, g = 10 by default):
 * {@code w' = w + (3 g / (2 l) sin(theta) + 3 / (m l^2) u) dt}, clipped to [-8, 8], then
 * {@code theta' = theta + w' dt}. As in Gymnasium (NumPy 2 promotion rules), the torque terms are
 * computed in float32 (the action's precision), everything else in double.
 *
 * <p>Reward: {@code -(norm(theta)^2 + 0.1 w^2 + 0.001 u^2)}, norm(theta) in [-pi, pi); from
 * about -16.27 (worst) to 0 (upright, still, no torque).
 *
 * <p>Start: theta uniform in [-pi, pi), w uniform in [-1, 1); reset options {@code x_init} and
 * {@code y_init} set the half-widths of the two ranges.
 *
 * <p>Episode end: never terminates; truncated at 200 steps. No reward threshold.
 *
 * <p>Options: {@code g} (gravity, positive number, default 10).
 *
 * <p>Versions: v1 is Gymnasium's Pendulum-v1.
 */
public final class Pendulum extends BaseEnv<float[], float[]> {
    static final String ID = "Pendulum-v1";
    static final double MAX_SPEED = 8, MAX_TORQUE = 2.0, DT = 0.05, MASS = 1.0, LENGTH = 1.0;
    static final double DEFAULT_X = Math.PI, DEFAULT_Y = 1.0;

    /** Options of Pendulum-v1. */
    public record Settings(@JsonProperty("g") Double g) {
        public Settings {
            if (g == null) g = 10.0;
            Check.positive("g", g);
        }
    }

    private static final Box ACTIONS = new Box(new float[] {(float) -MAX_TORQUE}, new float[] {(float) MAX_TORQUE});
    private static final Box OBSERVATIONS = new Box(new float[] {-1, -1, (float) -MAX_SPEED}, new float[] {1, 1, (float) MAX_SPEED});

    private final double g;
    private double theta, thetaDot;
    private double lastTorque = Double.NaN;

    public Pendulum() {
        this(new Settings(null));
    }

    public Pendulum(Settings settings) {
        this.g = settings.g();
    }

    static Pendulum fromOptions(Map<String, ?> options) {
        return new Pendulum(Json.bind(options, Settings.class, ID));
    }

    @Override
    public Box actionSpace() {
        return ACTIONS;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> options) {
        ResetOptions.expectOnly(ID, options, Set.of("x_init", "y_init"));
        double hx = ResetOptions.number(ID, options, "x_init", DEFAULT_X);
        double hy = ResetOptions.number(ID, options, "y_init", DEFAULT_Y);
        theta = rng.uniform(-hx, hx);
        thetaDot = rng.uniform(-hy, hy);
        lastTorque = Double.NaN;
        return new Reset<>(observation());
    }

    @Override
    public Step<float[]> step(float[] action) {
        if (action == null || !ACTIONS.contains(action)) throw ResetOptions.badAction(ID, action, ACTIONS);
        float u = Math.min(Math.max(action[0], (float) -MAX_TORQUE), (float) MAX_TORQUE);
        lastTorque = u;
        double cost = sq(normalizeAngle(theta)) + 0.1 * thetaDot * thetaDot + (0.001f * (u * u));
        double newThetaDot = thetaDot + (3 * g / (2 * LENGTH) * Math.sin(theta) + (float) (3.0 / (MASS * LENGTH * LENGTH)) * u) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        return new Step<>(observation(), -cost, false, false, Map.of());
    }

    private static double sq(double v) {
        return v * v;
    }

    /** theta mapped into [-pi, pi) with a floored modulo, as Python's {@code %}. */
    static double normalizeAngle(double x) {
        double m = (x + Math.PI) % (2 * Math.PI);
        if (m < 0) m += 2 * Math.PI;
        return m - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot};
    }

    /** The exact state {theta, theta_dot} in double. */
    public double[] state() {
        return new double[] {theta, thetaDot};
    }

    /** Sets the state; for tests and planners. */
    public void setState(double[] s) {
        if (s.length != 2) throw new IllegalArgumentException("Pendulum state has 2 values, found " + s.length);
        theta = s[0];
        thetaDot = s[1];
    }

    /** The rod (1 m) from the pivot, upright at theta 0; the last torque as an arc of dots. */
    @Override
    public Scene scene(Annotations annotations) {
        Scene.Builder b = Scene.builder(new Viewport(-2.2, -2.2, 2.2, 2.2)).background(Color.WHITE);
        double ex = -LENGTH * Math.sin(theta), ey = LENGTH * Math.cos(theta);
        b.line(0, 0, ex, ey, 0.2, Color.rgb(0xcc4c4c));
        b.circle(0, 0, 0.1, Color.rgb(0xcc4c4c));
        b.circle(ex, ey, 0.1, Color.rgb(0xcc4c4c));
        b.circle(0, 0, 0.05, Color.BLACK);
        if (!Double.isNaN(lastTorque) && lastTorque != 0) {
            // torque as an arc around the pivot, its length proportional to |u|, counter-clockwise when positive
            int dots = (int) Math.round(Math.abs(lastTorque) / MAX_TORQUE * 12);
            for (int i = 1; i <= dots; i++) {
                double a = Math.signum(lastTorque) * i * Math.PI / 16 - Math.PI / 2;
                b.circle(0.5 * Math.cos(a), 0.5 * Math.sin(a), 0.04, Color.DARK_GREY);
            }
        }
        String torque = Double.isNaN(lastTorque) ? "-" : String.format(Locale.ROOT, "%.2f", lastTorque);
        return b.caption(String.format(Locale.ROOT, "theta %.3f rad, torque %s", normalizeAngle(theta), torque)).build();
    }
}
