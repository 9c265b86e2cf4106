package dev.jgym.desktop;

import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the viewer shows and how the controls change it, with no OpenGL in sight (tested on its
 * own): the episodes, the chosen one, the frame, play/pause, the speed (0.25x to 16x, doubling),
 * timeline scrubbing and the help overlay. Time advances through {@link #update(double)}: at 1x
 * the replay plays {@value #BASE_STEPS_PER_SECOND} steps a second; playing stops on the last frame.
 */
public final class ViewerModel {
    public static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};
    public static final double BASE_STEPS_PER_SECOND = 10;

    /** The controls, whatever keys or buttons they come from. */
    public enum Control { PLAY_PAUSE, STEP_FORWARD, STEP_BACK, FASTER, SLOWER, NEXT_EPISODE, PREVIOUS_EPISODE, FIRST_FRAME, LAST_FRAME, HELP }

    private final List<PlayableEpisode> episodes = new ArrayList<>();
    private int episode;
    private int frame;
    private boolean playing;
    private int speed = 2;
    private double carry;
    private boolean help;

    /** Replaces the episodes (a new file, a new live episode) and starts at the first frame of the first. */
    public void setEpisodes(List<PlayableEpisode> list) {
        episodes.clear();
        episodes.addAll(list);
        episode = 0;
        frame = 0;
        carry = 0;
        playing = !list.isEmpty() && list.get(0).frameCount() > 1;
    }

    /** Shows episode {@code index} (clamped) from its first frame. */
    public void selectEpisode(int index) {
        if (episodes.isEmpty()) return;
        episode = Math.max(0, Math.min(episodes.size() - 1, index));
        frame = 0;
        carry = 0;
    }

    public void control(Control c) {
        switch (c) {
            case PLAY_PAUSE -> {
                if (!playing && frame >= lastFrame()) frame = 0; // play again from the start
                playing = !playing && frameCount() > 1;
                carry = 0;
            }
            case STEP_FORWARD -> {
                playing = false;
                frame = Math.min(lastFrame(), frame + 1);
            }
            case STEP_BACK -> {
                playing = false;
                frame = Math.max(0, frame - 1);
            }
            case FASTER -> speed = Math.min(SPEEDS.length - 1, speed + 1);
            case SLOWER -> speed = Math.max(0, speed - 1);
            case NEXT_EPISODE -> selectEpisode(episode + 1);
            case PREVIOUS_EPISODE -> selectEpisode(episode - 1);
            case FIRST_FRAME -> frame = 0;
            case LAST_FRAME -> frame = lastFrame();
            case HELP -> help = !help;
            default -> throw new IllegalArgumentException(c.toString());
        }
    }

    /** Advances playing time by {@code seconds}. */
    public void update(double seconds) {
        if (!playing || episodes.isEmpty()) return;
        carry += seconds * BASE_STEPS_PER_SECOND * SPEEDS[speed];
        int steps = (int) carry;
        carry -= steps;
        frame = Math.min(lastFrame(), frame + steps);
        if (frame >= lastFrame()) {
            playing = false;
            carry = 0;
        }
    }

    /** Jumps to the frame at {@code fraction} of the timeline (0 the reset, 1 the last step); pauses. */
    public void scrubTo(double fraction) {
        if (frameCount() == 0) return;
        playing = false;
        double f = Math.max(0, Math.min(1, fraction));
        frame = (int) Math.round(f * lastFrame());
    }

    /** Shows frame {@code f} (clamped). */
    public void showFrame(int f) {
        frame = Math.max(0, Math.min(lastFrame(), f));
    }

    public List<PlayableEpisode> episodes() {
        return List.copyOf(episodes);
    }

    public int episodeIndex() {
        return episode;
    }

    /** The episode shown, or {@code null} when there is none. */
    public PlayableEpisode current() {
        return episodes.isEmpty() ? null : episodes.get(episode);
    }

    public int frame() {
        return frame;
    }

    public boolean playing() {
        return playing;
    }

    public double speed() {
        return SPEEDS[speed];
    }

    public boolean helpVisible() {
        return help;
    }

    /** The scene of the current frame, or {@code null}. */
    public Scene scene() {
        PlayableEpisode e = current();
        return e == null || e.frameCount() == 0 ? null : e.frames().get(frame);
    }

    /** The annotations recorded with the step that led to this frame. */
    public Annotations annotations() {
        PlayableEpisode e = current();
        return e == null || frame == 0 || frame > e.annotations().length || e.annotations()[frame - 1] == null
                ? Annotations.NONE : e.annotations()[frame - 1];
    }

    /** The action that led to this frame, or {@code null} at the reset. */
    public Object action() {
        PlayableEpisode e = current();
        return e == null || frame == 0 ? null : e.actions()[frame - 1];
    }

    /** The HUD's lines: where we are, and what the last step did. */
    public List<String> hud() {
        PlayableEpisode e = current();
        if (e == null) return List.of("no replay: drop a .jgr file or a run folder on this window (F1 or ? for help)");
        if (episodes.stream().allMatch(p -> p.frameCount() == 0)) return List.of("no replay to show: " + e.title() + " could not be played");
        String ep = String.format(Locale.ROOT, "episode %d/%d  %s", episode + 1, episodes.size(), e.title());
        if (e.frameCount() == 0) return List.of(ep);
        String step = String.format(Locale.ROOT, "step %d/%d   action %s   reward %s   return %s   %s %sx",
                frame, e.steps(), frame == 0 ? "-" : shortAction(action()), frame == 0 ? "-" : number(e.rewards()[frame - 1]),
                number(e.returnAt(frame)), playing ? "playing" : "paused", number(speed()));
        return List.of(ep, step);
    }

    private int frameCount() {
        PlayableEpisode e = current();
        return e == null ? 0 : e.frameCount();
    }

    private int lastFrame() {
        return Math.max(0, frameCount() - 1);
    }

    /** An action for the HUD: a continuous one with 4 significant digits per component, others as the space writes them. */
    static String shortAction(Object a) {
        if (a instanceof float[] f) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < f.length; i++) sb.append(i == 0 ? "" : ", ").append(number(f[i]));
            return sb.append(']').toString();
        }
        return Spaces.format(a);
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** The help overlay's lines. */
    public static final List<String> HELP_LINES = List.of(
            "space      play / pause",
            "left/right step back / forward",
            "up/down    faster / slower (0.25x to 16x)",
            "home/end   first / last step",
            "pgup/pgdn  previous / next episode (also [ and ])",
            "mouse      click or drag on the timeline to scrub",
            "drop       a .jgr file or run folder to open it",
            "F1 or ?    this help;  esc  close help / quit");
}
