package dev.jgym.desktop;

import dev.jgym.agents.search.Players;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import dev.jgym.core.env.Step;
import dev.jgym.core.multi.Player;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Scene;
import dev.jgym.envs.games.board.BoardGameEnv;
import dev.jgym.replays.RecordReplay;
import dev.jgym.replays.ReplayFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A person playing an env from the keyboard ({@code jgym play --human}), as Gymnasium's
 * {@code play} utility does, without the window: which keys are held, when the env steps, the
 * episodes recorded. The window ({@link HumanPlayApp}) only forwards keys and time and draws
 * {@link #scene()} and {@link #hud()}.
 *
 * <p>The clock: a real-time env ({@link KeyControls#realTime()}) steps every {@code 1/fps}
 * seconds with the held keys' action, or its no-op when none is held. A turn-based env waits:
 * a key press steps it after {@value #COMBO_SECONDS} s (time to add a second key of a
 * combination such as Up+Right), and a key held down repeats every {@code 1/fps} s. A key tapped
 * between two ticks still counts at the next one. After an episode ends its last frame stays
 * for {@value #END_PAUSE_SECONDS} s, then the next episode starts.
 *
 * <p>Episode k is reset with seed {@code seed + k} and written, complete, to
 * {@code episode-<n>.jgr} in the record folder (numbered after the replays already there), so the
 * folder can serve as expert demonstrations for imitation learning; an episode left unfinished
 * (Esc, closing the window) is deleted, not kept.
 */
final class HumanSession implements AutoCloseable {
    static final double COMBO_SECONDS = 0.06, END_PAUSE_SECONDS = 1.0;

    private final String id;
    private final Map<String, Object> options;
    private final EnvSpec spec;
    private final KeyControls keys;
    private final int episodes;
    private final long seed;
    private final Path recordDir;
    private final int firstNumber;
    private final Set<String> held = new HashSet<>(), tapped = new HashSet<>();
    private final List<Double> returns = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private Env<Object, Object> env;
    private Path file;
    private Scene scene;
    private double now, nextTick = Double.NaN, endedAt = Double.NaN;
    private int episode = -1, steps;
    private double episodeReturn;
    private Object lastAction;
    private boolean finished;
    /** With {@code --opponent}: the agent that answers every move of the person, the side the person plays, the game underneath. */
    private final Player opponent;
    private final int humanSide;
    private BoardGameEnv board;

    HumanSession(String id, Map<String, Object> options, int episodes, long seed, Path recordDir) {
        this(id, options, episodes, seed, recordDir, null, false);
    }

    /**
     * Against an agent ({@code opponent}, a board-game player as {@code jgym arena} names them,
     * {@link Players}): the board game is made turn-based ({@code opponent: "none"}), the person
     * plays one side ({@code humanSecond}: the second) and the agent answers each move at once,
     * from its own stream {@code Rng(seed).child("opponent")}. Both sides' moves are recorded, so
     * the replay re-simulates the whole game; the return is the person's (+1 a win, -1 a loss).
     * A key for an illegal move (a taken cell, a full column) is ignored.
     */
    HumanSession(String id, Map<String, Object> options, int episodes, long seed, Path recordDir, String opponentSpec, boolean humanSecond) {
        this.id = id;
        if (opponentSpec == null) {
            this.options = options;
            this.opponent = null;
        } else {
            String game = id.equals(BoardGameEnv.TIC_TAC_TOE) ? "tictactoe" : id.equals(BoardGameEnv.CONNECT_FOUR) ? "connect4" : null;
            if (game == null) {
                throw new UserError("play --human: --opponent: expected a two-player board game (" + BoardGameEnv.TIC_TAC_TOE + " or "
                        + BoardGameEnv.CONNECT_FOUR + "), found " + id);
            }
            if (options.containsKey("opponent") || options.containsKey("agent_plays")) {
                throw new UserError("play --human: --opponent plays the other side itself: drop --option opponent and agent_plays");
            }
            Map<String, Object> turnBased = new java.util.TreeMap<>(options);
            turnBased.put("opponent", "none");
            this.options = turnBased;
            this.opponent = Players.parse(opponentSpec, game, "play --human: --opponent").apply(new Rng(seed).child("opponent"));
        }
        if (humanSecond && opponentSpec == null) throw new UserError("play --human: --second: only with --opponent");
        this.humanSide = humanSecond ? 1 : 0;
        if (!EnvRegistry.ids().contains(id)) throw new UserError("play --human: unknown env \"" + id + "\" (`jgym envs` lists them)");
        this.spec = EnvRegistry.spec(id);
        if (spec.keys() == null) {
            List<String> playable = new ArrayList<>();
            for (String other : EnvRegistry.ids()) if (EnvRegistry.spec(other).keys() != null) playable.add(other);
            throw new UserError("play --human: " + id + " has no keyboard controls; playable: " + String.join(", ", playable));
        }
        this.keys = spec.keys();
        this.episodes = episodes;
        this.seed = seed;
        this.recordDir = recordDir;
        try {
            Files.createDirectories(recordDir);
        } catch (IOException e) {
            throw new UserError("play --human: --record " + recordDir + ": cannot create the folder (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(recordDir)) throw new UserError("play --human: --record " + recordDir + ": the folder is not writable");
        int n = 0;
        for (Path f : ReplayFiles.find(recordDir)) n = Math.max(n, ReplayFiles.episodeNumber(f) + 1);
        this.firstNumber = n;
        startEpisode();
    }

    private void startEpisode() {
        episode++;
        file = ReplayFiles.episodeFile(recordDir, firstNumber + episode);
        Env<Object, Object> made;
        try {
            made = EnvRegistry.make(id, options);
        } catch (IllegalArgumentException e) {
            throw new UserError("play --human: " + e.getMessage());
        }
        env = new RecordReplay<>(made, file, opponent == null ? "human" : "human vs " + opponent.name());
        env.reset(seed + episode, Map.of());
        scene = env.scene();
        steps = 0;
        episodeReturn = 0;
        lastAction = null;
        endedAt = Double.NaN;
        nextTick = keys.realTime() ? now + 1.0 / keys.fps() : Double.NaN;
        if (opponent != null) {
            board = (BoardGameEnv) (Env<?, ?>) made.unwrapped();
            opponent.onGameStart();
            if (humanSide == 1) opponentMoves();
        }
    }

    /** The agent's answer, recorded like the person's move. */
    private void opponentMoves() {
        step(opponent.act(board.board()));
    }

    /** A key went down ({@code KEY} as {@link KeyControls} names keys, upper case). */
    void keyDown(String key) {
        if (!keys.uses(key)) return;
        held.add(key);
        tapped.add(key);
        if (!keys.realTime() && Double.isNaN(nextTick)) nextTick = now + COMBO_SECONDS;
    }

    void keyUp(String key) {
        held.remove(key);
    }

    /** Advances the clock by {@code dt} seconds, stepping the env as often as its clock says. */
    void advance(double dt) {
        if (finished) return;
        now += dt;
        if (!Double.isNaN(endedAt)) {
            if (now - endedAt < END_PAUSE_SECONDS) return;
            if (episode + 1 >= episodes) {
                finished = true;
                return;
            }
            startEpisode();
            return;
        }
        while (!Double.isNaN(nextTick) && now >= nextTick && Double.isNaN(endedAt)) tick();
    }

    private void tick() {
        Set<String> pressed = new HashSet<>(held);
        pressed.addAll(tapped);
        tapped.clear();
        Object action = keys.action(pressed);
        if (action != null && !env.actionSpace().contains(action)) action = null; // a key for actions this option set lacks
        if (action != null && board != null && board.actionMask()[(Integer) action] == 0) action = null; // against an agent: an illegal move's key
        if (action == null && keys.realTime()) action = keys.noop();
        if (action != null) step(action);
        if (keys.realTime()) nextTick += 1.0 / keys.fps();
        else nextTick = keys.action(held) != null ? nextTick + 1.0 / keys.fps() : Double.NaN;
    }

    private void step(Object action) {
        Step<Object> s = env.step(action);
        steps++;
        // against an agent the step's reward is the mover's; the person's is in "rewards"
        episodeReturn += opponent == null ? s.reward() : ((double[]) s.info().get("rewards"))[humanSide];
        lastAction = action;
        scene = env.scene();
        if (s.done()) {
            returns.add(episodeReturn);
            env.close(); // completes the replay file
            env = null;
            files.add(file);
            endedAt = now;
            nextTick = Double.NaN;
            tapped.clear();
        } else if (opponent != null && board.currentPlayer() != humanSide) {
            opponentMoves();
        }
    }

    Scene scene() {
        return scene;
    }

    boolean finished() {
        return finished;
    }

    /** A turn-based env in mid-episode with no step scheduled: only a key moves it on. */
    boolean waitingForKeys() {
        return !finished && !keys.realTime() && Double.isNaN(nextTick) && Double.isNaN(endedAt);
    }

    /** The HUD: what is played, where, and the keys. */
    List<String> hud() {
        String what = String.format(Locale.ROOT, "%s%s   episode %d/%d   step %d   return %s   action %s", id,
                opponent == null ? "" : " vs " + opponent.name() + (humanSide == 0 ? " (you move first)" : " (you move second)"),
                Math.min(episode + 1, episodes), episodes, steps,
                ViewerModel.number(episodeReturn), lastAction == null ? "-" : actionName(lastAction));
        String state = !Double.isNaN(endedAt) ? "episode over: return " + ViewerModel.number(episodeReturn)
                : keys.realTime() ? "real time, " + keys.fps() + " steps/s" : "waiting for a key";
        return List.of(what, keys.help(this::actionName) + "   Esc: quit   (" + state + ")");
    }

    private String actionName(Object a) {
        return a instanceof Integer i ? spec.actionName(i) : ViewerModel.shortAction(a);
    }

    /** Returns of the episodes played to the end. */
    List<Double> returns() {
        return List.copyOf(returns);
    }

    /** The replays written, one per complete episode. */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** Stops: an episode in progress is closed and its file deleted (only complete episodes are kept). */
    @Override
    public void close() {
        if (env != null) {
            env.close();
            env = null;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        finished = true;
    }

    /** {@code --option key=value}: the value as JSON when it parses (true, 0.5, "x"), else as a string. */
    static Object optionValue(String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = dev.jgym.core.config.Json.MAPPER.readTree(text);
            if (n != null && n.isValueNode()) return dev.jgym.core.config.Json.MAPPER.treeToValue(n, Object.class);
        } catch (IOException e) {
            // a bare word
        }
        return text;
    }
}
