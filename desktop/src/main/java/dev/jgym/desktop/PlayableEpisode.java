package dev.jgym.desktop;

import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import java.util.List;

/**
 * One episode ready to show: the scene of every state (frame 0 after the reset, frame i after
 * step i), with what the HUD prints. Built by re-simulating the replay, so every frame is one the
 * env really drew; a replay that diverges keeps its frames up to the last matching state and
 * carries the reason in {@code problem}. An entry with no frames stands for a file that could not
 * be read at all.
 *
 * @param title where it came from, for the HUD and the episode picker
 * @param frames the scenes
 * @param actions the action of each step ({@code actions[i]} led to frame i + 1)
 * @param rewards the reward of each step
 * @param annotations the agent's annotations recorded with each step
 * @param problem {@code null}, or one line on what is wrong with the file
 * @param actionNames the env's names for its actions ({@code EnvSpec.actionNames}), possibly empty
 */
public record PlayableEpisode(String title, List<Scene> frames, Object[] actions, double[] rewards, Annotations[] annotations,
                              String problem, List<String> actionNames) {

    public PlayableEpisode {
        frames = List.copyOf(frames);
        actionNames = actionNames == null ? List.of() : List.copyOf(actionNames);
    }

    /** An episode whose env does not name its actions. */
    public PlayableEpisode(String title, List<Scene> frames, Object[] actions, double[] rewards, Annotations[] annotations, String problem) {
        this(title, frames, actions, rewards, annotations, problem, List.of());
    }

    /** The env's name for action {@code a}, or its number. */
    public String actionName(int a) {
        return a >= 0 && a < actionNames.size() ? actionNames.get(a) : Integer.toString(a);
    }

    /** A file that could not be read: no frames, only the message. */
    public static PlayableEpisode unreadable(String title, String problem) {
        return new PlayableEpisode(title, List.of(), new Object[0], new double[0], new Annotations[0], problem);
    }

    public int frameCount() {
        return frames.size();
    }

    /** Steps shown (one less than frames). */
    public int steps() {
        return Math.max(0, frames.size() - 1);
    }

    /** The sum of rewards up to frame {@code frame}. */
    public double returnAt(int frame) {
        double sum = 0;
        for (int i = 0; i < Math.min(frame, rewards.length); i++) sum += rewards[i];
        return sum;
    }
}
