package dev.jgym.envs.box2d;

import dev.jgym.core.config.UserError;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Space;
import java.nio.file.Path;

/**
 * Gymnasium's {@code BipedalWalkerHeuristics} ({@code bipedal_walker.py}), a three-phase gait
 * (stay on one leg, put the other down, push off) with PD targets for hips and knees, as the
 * reference agent {@code bipedal-walker-heuristic}; it learns nothing.
 *
 * <p>As in Gymnasium, a target of 0 (or none) leaves that joint's own term out (Python's
 * {@code if hip_targ[0]:}), the head is kept level with {@code 0.9 (0 - angle) - 1.5 angular
 * velocity} and the vertical speed damps the knees; the action is {@code clip(0.5 todo, -1, 1)}.
 *
 * <p>As Gymnasium's demo loop ({@code __main__} of {@code bipedal_walker.py}), the first action of
 * an episode is zero and the gait first reads the observation after it. This matters: acting on
 * the reset observation at once, the same gait falls in 96 of seeds 0-99 (mean distance 9.6);
 * with the zero step first it walks to the end in 80 of them, as Gymnasium's "walks up to the end
 * about 80% of the time" (openai/gym#101). The gait starts afresh on each episode (Gymnasium's
 * demo runs one).
 */
public final class BipedalWalkerHeuristic implements Agent<float[], float[]> {
    public static final String TYPE = "bipedal-walker-heuristic";
    static final int STAY_ON_ONE_LEG = 1, PUT_OTHER_DOWN = 2, PUSH_OFF = 3;
    static final double SPEED = 0.29; // falls forward on higher speed
    static final double SUPPORT_KNEE_ANGLE = +0.1;

    private int state;
    private int movingLeg, supportingLeg;
    private double supportingKneeAngle;
    private boolean first; // the episode's first action: zero, as Gymnasium's demo

    public BipedalWalkerHeuristic() {
        restart();
    }

    /** For an env's action space: {@code Box(4)}; any other is a {@link UserError}. */
    public static BipedalWalkerHeuristic forActionSpace(Space<?> actions) {
        if (actions instanceof Box b && b.size() == 4) return new BipedalWalkerHeuristic();
        throw new UserError("agent type \"" + TYPE + "\" is for BipedalWalker-v3 (Box(4) actions), the env has " + actions);
    }

    private void restart() {
        state = STAY_ON_ONE_LEG;
        movingLeg = 0;
        supportingLeg = 1;
        supportingKneeAngle = SUPPORT_KNEE_ANGLE;
        first = true;
    }

    @Override
    public void onEpisodeStart(float[] observation) {
        restart();
    }

    @Override
    public float[] act(float[] s) {
        if (first) {
            first = false;
            return new float[4];
        }
        int movingBase = 4 + 5 * movingLeg, supportingBase = 4 + 5 * supportingLeg;
        double[] hipTarg = {Double.NaN, Double.NaN};  // -0.8 .. +1.1; NaN: none
        double[] kneeTarg = {Double.NaN, Double.NaN}; // -0.6 .. +0.9
        double[] hipTodo = {0, 0}, kneeTodo = {0, 0};

        if (state == STAY_ON_ONE_LEG) {
            hipTarg[movingLeg] = 1.1;
            kneeTarg[movingLeg] = -0.6;
            supportingKneeAngle += 0.03;
            if (s[2] > SPEED) supportingKneeAngle += 0.03;
            supportingKneeAngle = Math.min(supportingKneeAngle, SUPPORT_KNEE_ANGLE);
            kneeTarg[supportingLeg] = supportingKneeAngle;
            if (s[supportingBase] < 0.10) state = PUT_OTHER_DOWN; // supporting leg is behind
        }
        if (state == PUT_OTHER_DOWN) {
            hipTarg[movingLeg] = +0.1;
            kneeTarg[movingLeg] = SUPPORT_KNEE_ANGLE;
            kneeTarg[supportingLeg] = supportingKneeAngle;
            if (s[movingBase + 4] != 0) {
                state = PUSH_OFF;
                supportingKneeAngle = Math.min(s[movingBase + 2], SUPPORT_KNEE_ANGLE);
            }
        }
        if (state == PUSH_OFF) {
            kneeTarg[movingLeg] = supportingKneeAngle;
            kneeTarg[supportingLeg] = +1.0;
            if (s[supportingBase + 2] > 0.88 || s[2] > 1.2 * SPEED) {
                state = STAY_ON_ONE_LEG;
                movingLeg = 1 - movingLeg;
                supportingLeg = 1 - movingLeg;
            }
        }

        if (truthy(hipTarg[0])) hipTodo[0] = 0.9 * (hipTarg[0] - s[4]) - 0.25 * s[5];
        if (truthy(hipTarg[1])) hipTodo[1] = 0.9 * (hipTarg[1] - s[9]) - 0.25 * s[10];
        if (truthy(kneeTarg[0])) kneeTodo[0] = 4.0 * (kneeTarg[0] - s[6]) - 0.25 * s[7];
        if (truthy(kneeTarg[1])) kneeTodo[1] = 4.0 * (kneeTarg[1] - s[11]) - 0.25 * s[12];

        hipTodo[0] -= 0.9 * (0 - s[0]) - 1.5 * s[1]; // PID to keep the head straight
        hipTodo[1] -= 0.9 * (0 - s[0]) - 1.5 * s[1];
        kneeTodo[0] -= 15.0 * s[3]; // vertical speed, to damp oscillations
        kneeTodo[1] -= 15.0 * s[3];

        return new float[] {clip(hipTodo[0]), clip(kneeTodo[0]), clip(hipTodo[1]), clip(kneeTodo[1])};
    }

    /** Python's truth of an optional number: present and not zero. */
    private static boolean truthy(double target) {
        return !Double.isNaN(target) && target != 0.0;
    }

    private static float clip(double todo) {
        return (float) Math.max(-1.0, Math.min(1.0, 0.5 * todo));
    }

    @Override
    public void observe(Transition<float[], float[]> transition) {}

    /** Nothing is learned: nothing is written. */
    @Override
    public void save(Path file) {}

    @Override
    public void load(Path file) {}
}
