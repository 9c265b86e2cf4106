package dev.jgym.envs.control;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.Map;

/**
 * CartPole: keep a pole upright on a cart by pushing the cart left or right (Barto, Sutton and
 * Anderson, 1983), with Gymnasium's {@code CartPole-v1} dynamics, constants and limits.
 *
 * <p>Action space {@code Discrete(2)}:
 * <table>
 *   <tr><th>action</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>push the cart left (-10 N)</td></tr>
 *   <tr><td>1</td><td>push the cart right (+10 N)</td></tr>
 * </table>
 *
 * <p>Observation {@code Box(4)}, float32:
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>cart position (m)</td><td>-4.8</td><td>4.8</td></tr>
 *   <tr><td>1</td><td>cart velocity (m/s)</td><td>-inf</td><td>inf</td></tr>
 *   <tr><td>2</td><td>pole angle (rad, 0 upright, positive leaning right)</td><td>-0.418</td><td>0.418</td></tr>
 *   <tr><td>3</td><td>pole angular velocity (rad/s)</td><td>-inf</td><td>inf</td></tr>
 * </table>
 *
 * <p>Dynamics: explicit Euler with tau = 0.02 s on the cart-pole equations (gravity 9.8, cart
 * 1.0 kg, pole 0.1 kg, pole half-length 0.5 m, force 10 N). The state is kept in double (as
 * Gymnasium keeps float64) and observed rounded to float32.
 *
 * <p>Reward: +1 for every step, the terminating one included. With option
 * {@code sutton_barto_reward: true}: 0 per step and -1 on the terminating step.
 *
 * <p>Start: all four state values uniform in [-0.05, 0.05); reset options {@code low} and
 * {@code high} change the bounds.
 *
 * <p>Episode end: terminated when |x| > 2.4 or |angle| > 12 degrees (0.2095 rad); truncated at
 * 500 steps by the registry's time limit. Reward threshold 475.
 *
 * <p>Options: {@code sutton_barto_reward} (boolean, default false).
 *
 * <p>Versions: v1 is Gymnasium's CartPole-v1 (500 steps, threshold 475).
 */
public final class CartPole extends BaseEnv<float[], Integer> {
    static final String ID = "CartPole-v1";
    static final double GRAVITY = 9.8;            // m/s^2
    static final double CART_MASS = 1.0;          // kg
    static final double POLE_MASS = 0.1;          // kg
    static final double TOTAL_MASS = POLE_MASS + CART_MASS;
    static final double HALF_LENGTH = 0.5;        // m, half the pole's length
    static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
    static final double FORCE = 10.0;             // N
    /** The push of action 0 and of action 1: a table, not a branch (random actions mispredict one in two). */
    static final double[] FORCES = {-FORCE, FORCE};
    static final double TAU = 0.02;               // s per step
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360; // rad
    static final double X_THRESHOLD = 2.4;        // m
    static final double START_LOW = -0.05, START_HIGH = 0.05;

    /** Options of CartPole-v1. */
    public record Settings(@JsonProperty("sutton_barto_reward") Boolean suttonBartoReward) {
        public Settings {
            if (suttonBartoReward == null) suttonBartoReward = false;
        }
    }

    private static final Discrete ACTIONS = new Discrete(2);
    private static final Box OBSERVATIONS = new Box(
            new float[] {(float) -(X_THRESHOLD * 2), Float.NEGATIVE_INFINITY, (float) -(THETA_THRESHOLD * 2), Float.NEGATIVE_INFINITY},
            new float[] {(float) (X_THRESHOLD * 2), Float.POSITIVE_INFINITY, (float) (THETA_THRESHOLD * 2), Float.POSITIVE_INFINITY});

    private final boolean suttonBartoReward;
    private double x, xDot, theta, thetaDot;
    private int stepsBeyondTerminated = -1;

    public CartPole() {
        this(new Settings(null));
    }

    public CartPole(Settings settings) {
        this.suttonBartoReward = settings.suttonBartoReward();
    }

    static CartPole fromOptions(Map<String, ?> options) {
        return new CartPole(Json.bind(options, Settings.class, ID));
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
        double[] b = ResetOptions.bounds(ID, options, START_LOW, START_HIGH);
        x = rng.uniform(b[0], b[1]);
        xDot = rng.uniform(b[0], b[1]);
        theta = rng.uniform(b[0], b[1]);
        thetaDot = rng.uniform(b[0], b[1]);
        stepsBeyondTerminated = -1;
        return new Reset<>(observation());
    }

    @Override
    public Step<float[]> step(Integer action) {
        if (action == null || !ACTIONS.contains(action)) throw ResetOptions.badAction(ID, action, ACTIONS);
        double force = FORCES[action];
        double cos = Math.cos(theta), sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        x = x + TAU * xDot;
        xDot = xDot + TAU * xAcc;
        theta = theta + TAU * thetaDot;
        thetaDot = thetaDot + TAU * thetaAcc;

        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
        double reward;
        if (!terminated) {
            reward = suttonBartoReward ? 0.0 : 1.0;
        } else if (stepsBeyondTerminated < 0) {
            stepsBeyondTerminated = 0;
            reward = suttonBartoReward ? -1.0 : 1.0;
        } else {
            stepsBeyondTerminated++; // stepping past the end: undefined in Gymnasium, which pays 0 (or -1)
            reward = suttonBartoReward ? -1.0 : 0.0;
        }
        return new Step<>(observation(), reward, terminated, false, Map.of());
    }

    private float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }

    /** The exact state {x, x_dot, theta, theta_dot} in double (for tests and planners). */
    public double[] state() {
        return new double[] {x, xDot, theta, thetaDot};
    }

    /** Sets the state (as Gymnasium's {@code env.unwrapped.state = ...}); for tests and planners. */
    public void setState(double[] s) {
        if (s.length != 4) throw new IllegalArgumentException("CartPole state has 4 values, found " + s.length);
        x = s[0];
        xDot = s[1];
        theta = s[2];
        thetaDot = s[3];
        stepsBeyondTerminated = -1;
    }

    /** Track, cart and pole in metres: the view spans the 4.8 m the cart may use. */
    @Override
    public Scene scene(Annotations annotations) {
        return draw(x, theta, annotations);
    }

    static Scene draw(double x, double theta, Annotations annotations) {
        double cartW = 0.4, cartH = 0.24, poleW = 0.08, poleLen = 2 * HALF_LENGTH, axleY = cartH * 0.75;
        Scene.Builder b = Scene.builder(new Viewport(-X_THRESHOLD, -0.6, X_THRESHOLD, 2.6)).background(Color.WHITE);
        b.line(-X_THRESHOLD, 0, X_THRESHOLD, 0, 0.01, Color.BLACK);
        b.rect(x - cartW / 2, 0, cartW, cartH, Color.BLACK);
        // the pole: a rectangle rotated about the axle, leaning right for positive theta
        double s = Math.sin(theta), c = Math.cos(theta), hw = poleW / 2;
        double[][] corners = {{-hw, 0}, {-hw, poleLen}, {hw, poleLen}, {hw, 0}};
        double[] xs = new double[4], ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = x + corners[i][0] * c + corners[i][1] * s;
            ys[i] = axleY - corners[i][0] * s + corners[i][1] * c;
        }
        b.add(new Shape.Polygon(xs, ys, Color.rgb(0xca9865), Color.TRANSPARENT, 0));
        b.circle(x, axleY, hw, Color.rgb(0x8184cb));
        double[] q = annotations.get(Annotations.ACTION_VALUES);
        if (q != null && q.length == 2) {
            b.text(-X_THRESHOLD + 0.1, -0.4, String.format(java.util.Locale.ROOT, "Q left %.2f  right %.2f", q[0], q[1]), 0.15, Color.DARK_GREY, Shape.Anchor.LEFT);
        }
        return b.caption(String.format(java.util.Locale.ROOT, "x %.3f m, angle %.1f deg", x, Math.toDegrees(theta))).build();
    }
}
