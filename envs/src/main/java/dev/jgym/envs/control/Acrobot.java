package dev.jgym.envs.control;

import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.Locale;
import java.util.Map;

/**
 * Acrobot: two links hang in a chain from a fixed joint; torque on the middle joint only must
 * swing the free end above a line one link length over the pivot (Sutton and Barto, 1st ed.,
 * section 11.3; Sutton 1996), with Gymnasium's {@code Acrobot-v1} dynamics ("book" equations).
 *
 * <p>Action space {@code Discrete(3)}: the torque on the joint between the links.
 * <table>
 *   <tr><th>action</th><th>torque (N m)</th></tr>
 *   <tr><td>0</td><td>-1</td></tr>
 *   <tr><td>1</td><td>0</td></tr>
 *   <tr><td>2</td><td>+1</td></tr>
 * </table>
 *
 * <p>Observation {@code Box(6)}, float32:
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>cos(theta1)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>1</td><td>sin(theta1)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>2</td><td>cos(theta2)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>3</td><td>sin(theta2)</td><td>-1</td><td>1</td></tr>
 *   <tr><td>4</td><td>angular velocity of theta1</td><td>-4 pi</td><td>4 pi</td></tr>
 *   <tr><td>5</td><td>angular velocity of theta2</td><td>-9 pi</td><td>9 pi</td></tr>
 * </table>
 * theta1 is the first link's angle from hanging straight down; theta2 the second link's angle
 * relative to the first.
 *
 * <p>Dynamics: one RK4 step of dt = 0.2 s over (theta1, theta2, w1, w2) in double (links 1 m,
 * 1 kg, centres of mass at 0.5 m, moments of inertia 1, g = 9.8); then both angles are wrapped
 * into [-pi, pi] and the velocities clipped to their bounds. No torque noise.
 *
 * <p>Reward: -1 for every step that does not reach the goal, 0 for the step that does.
 *
 * <p>Start: all four state values uniform in [-0.1, 0.1), rounded to float32 as Gymnasium does
 * (reset options {@code low}, {@code high} change the bounds).
 *
 * <p>Episode end: terminated when {@code -cos(theta1) - cos(theta1 + theta2) > 1}; truncated at
 * 500 steps. Reward threshold -100.
 *
 * <p>Options: none.
 *
 * <p>Versions: v1 is Gymnasium's Acrobot-v1.
 */
public final class Acrobot extends BaseEnv<float[], Integer> {
    static final String ID = "Acrobot-v1";
    static final double DT = 0.2;
    static final double LINK_LENGTH_1 = 1.0, LINK_LENGTH_2 = 1.0;   // m
    static final double LINK_MASS_1 = 1.0, LINK_MASS_2 = 1.0;       // kg
    static final double LINK_COM_1 = 0.5, LINK_COM_2 = 0.5;         // m, centre of mass
    static final double LINK_MOI = 1.0;                             // moment of inertia of both links
    static final double MAX_VEL_1 = 4 * Math.PI, MAX_VEL_2 = 9 * Math.PI;
    static final double GRAVITY = 9.8;
    static final double[] TORQUES = {-1.0, 0.0, 1.0};

    /** Acrobot-v1 takes no options; the record rejects any key. */
    public record Settings() {}

    private static final Discrete ACTIONS = new Discrete(3);
    private static final Box OBSERVATIONS = new Box(
            new float[] {-1, -1, -1, -1, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
            new float[] {1, 1, 1, 1, (float) MAX_VEL_1, (float) MAX_VEL_2});

    private final double[] s = new double[4];
    // RK4 scratch
    private final double[] k1 = new double[4], k2 = new double[4], k3 = new double[4], k4 = new double[4], tmp = new double[4];

    public Acrobot() {}

    static Acrobot fromOptions(Map<String, ?> options) {
        Json.bind(options, Settings.class, ID);
        return new Acrobot();
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
        double[] b = ResetOptions.bounds(ID, options, -0.1, 0.1);
        for (int i = 0; i < 4; i++) s[i] = (float) rng.uniform(b[0], b[1]);
        return new Reset<>(observation());
    }

    @Override
    public Step<float[]> step(Integer action) {
        if (action == null || !ACTIONS.contains(action)) throw ResetOptions.badAction(ID, action, ACTIONS);
        rk4(s, TORQUES[action], DT);
        s[0] = wrap(s[0], -Math.PI, Math.PI);
        s[1] = wrap(s[1], -Math.PI, Math.PI);
        s[2] = Math.min(Math.max(s[2], -MAX_VEL_1), MAX_VEL_1);
        s[3] = Math.min(Math.max(s[3], -MAX_VEL_2), MAX_VEL_2);
        boolean terminated = -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
        return new Step<>(observation(), terminated ? 0.0 : -1.0, terminated, false, terminated ? Env.successInfo(true) : Map.of()); // the swing-up is the goal
    }

    /** One classical Runge-Kutta step of length h: y += h/6 (k1 + 2 k2 + 2 k3 + k4). */
    private void rk4(double[] y, double torque, double h) {
        double h2 = h / 2.0;
        derivatives(y, torque, k1);
        for (int i = 0; i < 4; i++) tmp[i] = y[i] + h2 * k1[i];
        derivatives(tmp, torque, k2);
        for (int i = 0; i < 4; i++) tmp[i] = y[i] + h2 * k2[i];
        derivatives(tmp, torque, k3);
        for (int i = 0; i < 4; i++) tmp[i] = y[i] + h * k3[i];
        derivatives(tmp, torque, k4);
        for (int i = 0; i < 4; i++) y[i] = y[i] + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    /** The equations of motion (Sutton and Barto's "book" form): d/dt of (theta1, theta2, w1, w2). */
    static void derivatives(double[] y, double a, double[] out) {
        double m1 = LINK_MASS_1, m2 = LINK_MASS_2, l1 = LINK_LENGTH_1, lc1 = LINK_COM_1, lc2 = LINK_COM_2;
        double i1 = LINK_MOI, i2 = LINK_MOI, g = GRAVITY;
        double theta1 = y[0], theta2 = y[1], dtheta1 = y[2], dtheta2 = y[3];
        double d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * dtheta2 * dtheta2 * Math.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * dtheta1 * dtheta1 * Math.sin(theta2) - phi2)
                / (m2 * lc2 * lc2 + i2 - d2 * d2 / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /** x moved by whole turns of (max - min) into [min, max]. */
    static double wrap(double x, double min, double max) {
        double span = max - min;
        while (x > max) x -= span;
        while (x < min) x += span;
        return x;
    }

    private float[] observation() {
        return new float[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) Math.cos(s[1]), (float) Math.sin(s[1]),
                (float) s[2], (float) s[3]};
    }

    /** The exact state {theta1, theta2, w1, w2} in double. */
    public double[] state() {
        return s.clone();
    }

    /** Sets the state; for tests and planners. */
    public void setState(double[] state) {
        if (state.length != 4) throw new IllegalArgumentException("Acrobot state has 4 values, found " + state.length);
        System.arraycopy(state, 0, s, 0, 4);
    }

    /** Both links from the fixed pivot at the origin, and the goal line at height 1. */
    @Override
    public Scene scene(Annotations annotations) {
        double bound = LINK_LENGTH_1 + LINK_LENGTH_2 + 0.2;
        Scene.Builder b = Scene.builder(new Viewport(-bound, -bound, bound, bound)).background(Color.WHITE);
        b.line(-bound, 1.0, bound, 1.0, 0.02, Color.BLACK);
        double x1 = LINK_LENGTH_1 * Math.sin(s[0]), y1 = -LINK_LENGTH_1 * Math.cos(s[0]);
        double x2 = x1 + LINK_LENGTH_2 * Math.sin(s[0] + s[1]), y2 = y1 - LINK_LENGTH_2 * Math.cos(s[0] + s[1]);
        Color link = Color.rgb(0x00cccc), joint = Color.rgb(0xcccc00);
        b.line(0, 0, x1, y1, 0.2, link);
        b.line(x1, y1, x2, y2, 0.2, link);
        b.circle(0, 0, 0.1, joint);
        b.circle(x1, y1, 0.1, joint);
        return b.caption(String.format(Locale.ROOT, "theta1 %.3f, theta2 %.3f, tip height %.3f", s[0], s[1], y2)).build();
    }
}
