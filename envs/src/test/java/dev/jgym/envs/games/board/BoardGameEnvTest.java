package dev.jgym.envs.games.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The turn-based and single-agent forms of TicTacToe-v0 and ConnectFour-v0, as documented in BoardGameEnv. */
class BoardGameEnvTest {
    private static Env<int[], Integer> make(String id, Map<String, Object> options) {
        return EnvRegistry.make(id, options);
    }

    private static BoardGameEnv inner(Env<int[], Integer> env) {
        return (BoardGameEnv) env.unwrapped();
    }

    @Test
    @DisplayName("turn-based: players alternate, the mask follows the board, the winner gets +1 and the loser -1")
    void turnBased() {
        Env<int[], Integer> env = make("TicTacToe-v0", Map.of("opponent", "none"));
        Reset<int[]> r = env.reset(1L, Map.of());
        assertEquals(0, r.info().get("current_player"));
        assertArrayEquals(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, (byte[]) r.info().get("action_mask"));
        int[] moves = {0, 3, 1, 4};
        for (int i = 0; i < moves.length; i++) {
            Step<int[]> s = env.step(moves[i]);
            assertEquals(0.0, s.reward());
            assertFalse(s.done());
            assertEquals((i + 1) % 2, s.info().get("current_player"));
            assertEquals(0, ((byte[]) s.info().get("action_mask"))[moves[i]]);
        }
        // the observation is from the side of the player to move (X): X's pieces in channel 0
        int[] obs = inner(env).observation();
        assertEquals(1, obs[0 * 2]);
        assertEquals(1, obs[3 * 2 + 1]);
        Step<int[]> win = env.step(2);
        assertTrue(win.terminated());
        assertEquals(1.0, win.reward());
        assertArrayEquals(new double[] {1, -1}, (double[]) win.info().get("rewards"));
        assertEquals(0, win.info().get("winner"));
        assertArrayEquals(new byte[9], (byte[]) win.info().get("action_mask"));
        assertThrows(IllegalStateException.class, () -> env.step(8));
    }

    @Test
    @DisplayName("illegal move, default \"lose\": the mover loses, terminated with -1 and illegal_move in info")
    void illegalMoveLoses() {
        Env<int[], Integer> env = make("ConnectFour-v0", Map.of("opponent", "none"));
        env.reset(1L, Map.of());
        for (int i = 0; i < 6; i++) env.step(3);
        Step<int[]> s = env.step(3); // X into a full column
        assertTrue(s.terminated());
        assertEquals(-1.0, s.reward());
        assertEquals(true, s.info().get("illegal_move"));
        assertEquals(1, s.info().get("winner"));
        assertArrayEquals(new double[] {-1, 1}, (double[]) s.info().get("rewards"));
    }

    @Test
    @DisplayName("illegal move with \"error\": an exception listing the legal actions, and the position is unchanged")
    void illegalMoveErrors() {
        Env<int[], Integer> env = make("TicTacToe-v0", Map.of("opponent", "none", "illegal_move", "error"));
        env.reset(1L, Map.of());
        env.step(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(4));
        assertEquals("TicTacToe-v0: action 4 is illegal now (cell taken); legal actions: [0, 1, 2, 3, 5, 6, 7, 8]", e.getMessage());
        assertEquals(1, inner(env).currentPlayer());
        assertFalse(env.step(0).done());
    }

    @Test
    @DisplayName("single-agent: the opponent answers inside the step; agent_plays second lets it open in reset")
    void singleAgent() {
        Env<int[], Integer> env = make("ConnectFour-v0", Map.of());
        env.reset(3L, Map.of());
        Step<int[]> s = env.step(3);
        assertEquals(2, inner(env).game().moves());
        assertEquals(0, s.info().get("agent_player"));
        assertEquals(1, s.observation()[(5 * 7 + 3) * 2], "the agent's piece is in channel 0");

        Env<int[], Integer> second = make("ConnectFour-v0", Map.of("agent_plays", "second"));
        Reset<int[]> r = second.reset(3L, Map.of());
        assertEquals(1, inner(second).game().moves());
        assertEquals(1, r.info().get("agent_player"));
        int sum = 0;
        for (int i = 0; i < r.observation().length; i += 2) sum += r.observation()[i + 1];
        assertEquals(1, sum, "the opponent's opening piece is in channel 1");
    }

    @Test
    @DisplayName("single-agent: losing to the opponent's move gives -1; legal actions never include a taken cell")
    void singleAgentLoss() {
        Env<int[], Integer> env = make("TicTacToe-v0", Map.of("opponent", "minimax"));
        env.reset(9L, Map.of());
        // X plays 1, 2, 5 ... a weak line; perfect O wins or draws, never loses
        Rng rng = new Rng(4);
        double last = 0;
        Step<int[]> s;
        do {
            List<Integer> legal = inner(env).legalActions();
            s = env.step(legal.get(rng.nextInt(legal.size())));
            last = s.reward();
        } while (!s.done());
        assertTrue(last <= 0);
        if (last < 0) assertEquals(1, s.info().get("winner"));
    }

    @Test
    @DisplayName("agent_plays random gives either side with probability 1/2 (500 resets: 250 +- 50)")
    void agentSideIsRandom() {
        Env<int[], Integer> env = make("TicTacToe-v0", Map.of("agent_plays", "random"));
        env.reset(1L, Map.of());
        int second = 0;
        for (int i = 0; i < 500; i++) second += (int) env.reset().info().get("agent_player");
        assertEquals(250, second, 50);
    }

    @Test
    @DisplayName("the scene marks whose turn it is and the result")
    void scene() {
        Env<int[], Integer> env = make("TicTacToe-v0", Map.of("opponent", "none"));
        env.reset(1L, Map.of());
        assertEquals("TicTacToe-v0: X to move", env.scene().caption());
        for (int a : new int[] {0, 3, 1, 4, 2}) env.step(a);
        assertEquals("TicTacToe-v0: X wins", env.scene().caption());
    }
}
