package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.ReplayVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The human-play clock and recording, without a window (the window test drives the same session through real key handling). */
class HumanSessionTest {
    @TempDir
    Path dir;

    /** Taps {@code key}: down, a frame, up, then time for the turn-based tick. */
    static void tap(HumanSession s, String key) {
        s.keyDown(key);
        s.advance(0.03);
        s.keyUp(key);
        s.advance(0.05);
    }

    static List<Object> actions(Path file) {
        Replay r = ReplayReader.read(file);
        ReplayEpisode e = r.episodes().get(0);
        List<Object> actions = new ArrayList<>();
        for (int i = 0; i < e.length(); i++) actions.add(e.action(i));
        return actions;
    }

    @Test
    @DisplayName("turn-based FrozenLake (not slippery): six taps walk S to G, one step each, return 1; the replay re-simulates bit for bit")
    void frozenLakeByTaps() {
        HumanSession s = new HumanSession("FrozenLake-v1", Map.of("is_slippery", false), 1, 0, dir);
        s.advance(5); // nothing held: a turn-based env waits
        assertTrue(s.waitingForKeys());
        for (String k : List.of("RIGHT", "RIGHT", "DOWN", "DOWN", "DOWN", "RIGHT")) tap(s, k);
        assertEquals(List.of(1.0), s.returns());
        s.advance(HumanSession.END_PAUSE_SECONDS + 0.01);
        assertTrue(s.finished());
        Path file = ReplayFiles.episodeFile(dir, 0);
        assertEquals(List.of(file), s.files());
        assertEquals(List.of(2, 2, 1, 1, 1, 2), actions(file), "FrozenLake: 2 right, 1 down");
        assertTrue(ReplayVerifier.verify(file).ok(), ReplayVerifier.verify(file).summary());
    }

    @Test
    @DisplayName("a held key repeats at the env's fps (FrozenLake: 4 a second); an unmapped key does nothing")
    void heldKeyRepeats() {
        HumanSession s = new HumanSession("FrozenLake-v1", Map.of("is_slippery", false), 1, 0, dir);
        s.keyDown("X");
        s.advance(1);
        assertTrue(s.waitingForKeys());
        s.keyDown("RIGHT");
        s.advance(HumanSession.COMBO_SECONDS + 0.5 + 0.001); // the first step, then two repeats
        assertTrue(s.hud().get(0).contains("step 3"), s.hud().toString());
        s.keyUp("RIGHT");
        s.advance(2);
        assertTrue(s.hud().get(0).contains("step 3"), s.hud().toString());
    }

    @Test
    @DisplayName("real-time MountainCar steps 30 times a second: Right held for 1 s gives 30 pushes right, then coasting (the no-op) until the 200-step limit")
    void realTimeNoop() {
        HumanSession s = new HumanSession("MountainCar-v0", Map.of(), 1, 7, dir);
        s.keyDown("RIGHT");
        s.advance(1.0 + 1e-9);
        s.keyUp("RIGHT");
        s.advance(10);
        assertEquals(List.of(-200.0), s.returns());
        List<Object> a = actions(ReplayFiles.episodeFile(dir, 0));
        assertEquals(200, a.size());
        for (int i = 0; i < 200; i++) assertEquals(i < 30 ? 2 : 1, a.get(i), "step " + i);
        assertTrue(ReplayVerifier.verify(ReplayFiles.episodeFile(dir, 0)).ok());
    }

    @Test
    @DisplayName("quitting mid-episode keeps the finished episodes and deletes the unfinished one; a second session numbers after the first")
    void unfinishedEpisodeIsNotKept() throws Exception {
        HumanSession s = new HumanSession("FrozenLake-v1", Map.of("is_slippery", false), 3, 0, dir);
        for (String k : List.of("RIGHT", "RIGHT", "DOWN", "DOWN", "DOWN", "RIGHT")) tap(s, k);
        s.advance(HumanSession.END_PAUSE_SECONDS + 0.01);
        tap(s, "RIGHT");
        s.close();
        assertEquals(List.of(ReplayFiles.episodeFile(dir, 0)), ReplayFiles.find(dir));
        HumanSession again = new HumanSession("FrozenLake-v1", Map.of("is_slippery", false), 1, 0, dir);
        tap(again, "LEFT");
        again.close();
        assertFalse(Files.exists(ReplayFiles.episodeFile(dir, 1)), "unfinished again");
        HumanSession third = new HumanSession("FrozenLake-v1", Map.of("is_slippery", false), 1, 0, dir);
        for (String k : List.of("DOWN", "RIGHT")) tap(third, k); // (1,1) is a hole
        assertEquals(List.of(0.0), third.returns());
        assertEquals(List.of(ReplayFiles.episodeFile(dir, 1)), third.files());
        third.close();
    }

    @Test
    @DisplayName("an unknown env, an env without keys, and a bad option are one-line mistakes")
    void mistakes() {
        assertTrue(assertThrows(UserError.class, () -> new HumanSession("Nope-v0", Map.of(), 1, 0, dir)).getMessage().contains("unknown env"));
        String noKeys = assertThrows(UserError.class, () -> new HumanSession("BipedalWalker-v3", Map.of(), 1, 0, dir)).getMessage();
        assertTrue(noKeys.contains("no keyboard controls") && noKeys.contains("FrozenLake-v1"), noKeys);
        String bad = assertThrows(UserError.class, () -> new HumanSession("FrozenLake-v1", Map.of("is_slipery", false), 1, 0, dir)).getMessage();
        assertTrue(bad.contains("is_slipery"), bad);
        assertEquals(false, HumanSession.optionValue("false"));
        assertEquals(0.5, HumanSession.optionValue("0.5"));
        assertEquals("8x8", HumanSession.optionValue("8x8"));
    }

    @Test
    @DisplayName("tic-tac-toe against minimax:9 (perfect play): a person taking the first free cell each turn loses (return -1); both sides' moves alternate in the replay, which re-simulates bit for bit")
    void ticTacToeAgainstPerfectPlay() {
        HumanSession s = new HumanSession("TicTacToe-v0", Map.of(), 1, 3, dir, "minimax:9", false);
        assertTrue(s.hud().get(0).contains("vs minimax-9 (you move first)"), s.hud().toString());
        for (int round = 0; round < 3 && s.returns().isEmpty(); round++) {
            for (int cell = 1; cell <= 9 && s.returns().isEmpty(); cell++) tap(s, Integer.toString(cell)); // a taken cell's key is ignored
        }
        assertEquals(List.of(-1.0), s.returns(), "perfect play wins against the first free cell");
        Path file = ReplayFiles.episodeFile(dir, 0);
        List<Object> moves = actions(file);
        assertEquals(0, moves.get(0), "the person's first move: cell 1 (action 0)");
        assertEquals(4, moves.get(1), "the only drawing answer to a corner: the centre");
        assertEquals(0, moves.size() % 2, "the agent made the last (winning) move");
        assertEquals(moves.size(), new java.util.HashSet<>(moves).size(), "no cell twice: illegal keys were ignored");
        assertTrue(ReplayVerifier.verify(file).ok(), ReplayVerifier.verify(file).summary());
        assertEquals("human vs minimax-9", ReplayReader.read(file).header().agent());
    }

    @Test
    @DisplayName("Connect Four against mcts:50, the person second: the agent's move opens the replay, moves alternate, the person's return is +1, 0 or -1, the replay verifies")
    void connectFourSecond() {
        HumanSession s = new HumanSession("ConnectFour-v0", Map.of(), 1, 5, dir, "mcts:50", true);
        assertEquals(1, actionsSoFar(s), "the agent moved at the start");
        for (int round = 0; round < 10 && s.returns().isEmpty(); round++) {
            for (int col = 1; col <= 7 && s.returns().isEmpty(); col++) tap(s, Integer.toString(col));
        }
        assertEquals(1, s.returns().size());
        assertTrue(List.of(-1.0, 0.0, 1.0).contains(s.returns().get(0)), s.returns().toString());
        Path file = ReplayFiles.episodeFile(dir, 0);
        assertTrue(ReplayVerifier.verify(file).ok(), ReplayVerifier.verify(file).summary());
    }

    @Test
    @DisplayName("--opponent mistakes are one line: not a board game, the env's own opponent given too, an unknown player, --second alone")
    void opponentMistakes() {
        assertEquals("play --human: --opponent: expected a two-player board game (TicTacToe-v0 or ConnectFour-v0), found FrozenLake-v1",
                assertThrows(UserError.class, () -> new HumanSession("FrozenLake-v1", Map.of(), 1, 0, dir, "random", false)).getMessage());
        assertEquals("play --human: --opponent plays the other side itself: drop --option opponent and agent_plays",
                assertThrows(UserError.class, () -> new HumanSession("TicTacToe-v0", Map.of("opponent", "minimax"), 1, 0, dir, "random", false)).getMessage());
        assertEquals("play --human: --opponent: unknown player \"alphabeta\" (expected random, minimax:D, mcts:N, uct:N, solver or az:FILE)",
                assertThrows(UserError.class, () -> new HumanSession("TicTacToe-v0", Map.of(), 1, 0, dir, "alphabeta", false)).getMessage());
        assertEquals("play --human: --second: only with --opponent",
                assertThrows(UserError.class, () -> new HumanSession("TicTacToe-v0", Map.of(), 1, 0, dir, null, true)).getMessage());
    }

    /** The steps taken so far in the episode, from the HUD. */
    private static int actionsSoFar(HumanSession s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("step (\\d+)").matcher(s.hud().get(0));
        assertTrue(m.find(), s.hud().toString());
        return Integer.parseInt(m.group(1));
    }
}
