package dev.jgym.envs.box2d;

import dev.jgym.core.config.UserError;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.nio.file.Path;

/**
 * Gymnasium's {@code heuristic(env, s)} for LunarLander ({@code lunar_lander.py}), a fixed
 * PD controller and the reference agent {@code lunar-lander-heuristic}: it learns nothing.
 *
 * <p>The target angle points towards the pad ({@code 0.5 x + vx}, clipped to +-0.4 rad) and the
 * target height is {@code 0.55 |x|}; {@code angle_todo = (target - angle) / 2 - angular velocity}
 * and {@code hover_todo = (target - y) / 2 - vy / 2}. Once a leg touches the ground only the
 * fall is braked ({@code hover_todo = -vy / 2}). Continuous: {@code [20 hover_todo - 1,
 * -20 angle_todo]} clipped to [-1, 1]. Discrete: main engine when {@code hover_todo} exceeds
 * both |angle_todo| and 0.05, else the side engine that turns towards the target when
 * |angle_todo| &gt; 0.05, else nothing.
 */
public final class LunarLanderHeuristic implements Agent<float[], Object> {
    public static final String TYPE = "lunar-lander-heuristic";

    private final boolean continuous;

    /** For the discrete ({@code Discrete(4)}) or continuous ({@code Box(2)}) action space. */
    public LunarLanderHeuristic(boolean continuous) {
        this.continuous = continuous;
    }

    /** For an env's action space: {@code Discrete(4)} or {@code Box(2)}; any other is a {@link UserError}. */
    public static LunarLanderHeuristic forActionSpace(Space<?> actions) {
        if (actions instanceof Discrete d && d.n() == 4) return new LunarLanderHeuristic(false);
        if (actions instanceof Box b && b.size() == 2) return new LunarLanderHeuristic(true);
        throw new UserError("agent type \"" + TYPE + "\" is for LunarLander-v3 (Discrete(4) or Box(2) actions), the env has " + actions);
    }

    @Override
    public Object act(float[] s) {
        return continuous ? continuousAction(s) : discreteAction(s);
    }

    /** The discrete action (0 nothing, 1 left, 2 main, 3 right) for observation {@code s}. */
    public static int discreteAction(float[] s) {
        double[] todo = todo(s);
        double angleTodo = todo[0], hoverTodo = todo[1];
        if (hoverTodo > Math.abs(angleTodo) && hoverTodo > 0.05) return 2;
        if (angleTodo < -0.05) return 3;
        if (angleTodo > +0.05) return 1;
        return 0;
    }

    /** The continuous action {@code [main, lateral]} for observation {@code s}. */
    public static float[] continuousAction(float[] s) {
        double[] todo = todo(s);
        return new float[] {(float) clip(todo[1] * 20 - 1), (float) clip(-todo[0] * 20)};
    }

    /** {angle_todo, hover_todo} as Gymnasium computes them (in double, from the float32 observation). */
    private static double[] todo(float[] s) {
        double angleTarg = s[0] * 0.5 + s[2] * 1.0; // angle should point towards the centre
        if (angleTarg > 0.4) angleTarg = 0.4;       // more than 0.4 rad (22 degrees) is bad
        if (angleTarg < -0.4) angleTarg = -0.4;
        double hoverTarg = 0.55 * Math.abs(s[0]);   // target height proportional to the horizontal offset
        double angleTodo = (angleTarg - s[4]) * 0.5 - s[5] * 1.0;
        double hoverTodo = (hoverTarg - s[1]) * 0.5 - s[3] * 0.5;
        if (s[6] != 0 || s[7] != 0) { // legs have contact: only brake the fall
            angleTodo = 0;
            hoverTodo = -s[3] * 0.5;
        }
        return new double[] {angleTodo, hoverTodo};
    }

    private static double clip(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }

    @Override
    public void observe(Transition<float[], Object> transition) {}

    /** Nothing is learned: nothing is written. */
    @Override
    public void save(Path file) {}

    @Override
    public void load(Path file) {}
}
