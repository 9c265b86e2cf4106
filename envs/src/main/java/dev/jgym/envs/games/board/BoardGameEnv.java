package dev.jgym.envs.games.board;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.envs.games.Actions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tic-tac-toe ({@code TicTacToe-v0}) and Connect Four ({@code ConnectFour-v0}) as Gymnasium envs:
 * a thin wrapper over the two-player {@link BoardGame}, in two forms chosen by the option
 * {@code opponent}:
 * <ul>
 *   <li>single-agent ({@code "random"}, the default, or {@code "minimax"}): the agent plays one
 *       side and a built-in opponent answers inside the same step, so any learner can train;
 *   <li>turn-based ({@code "none"}): each step is a move of the player to move, and the caller
 *       plays both sides (self-play, two agents, a search).
 * </ul>
 *
 * <p>Action space: tic-tac-toe {@code Discrete(9)}, the cell {@code row * 3 + col}; Connect Four
 * {@code Discrete(7)}, the column (the piece drops to its lowest empty cell). The legal actions
 * are in {@link #actionMask()} and in info {@code "action_mask"} (a {@code byte[]}, 1 = legal),
 * ready for {@link Discrete#sample(dev.jgym.core.rng.Rng, byte[])}; {@code sampleAction()} draws
 * from the whole space, legal or not.
 * <p>Observation {@code MultiBinary(rows, cols, 2)} ({@code int[]}, row-major, channel last, row
 * 0 at the top): channel 0 holds the pieces of "me", channel 1 the other player's. "Me" is the
 * agent in the single-agent form and the player to move next in the turn-based form.
 * <p>Rewards: single-agent, +1 when the agent wins, -1 when the opponent wins or the agent makes
 * an illegal move, 0 otherwise (draws too). Turn-based: the step's reward is the mover's (+1 for
 * a winning move, -1 for an illegal one, else 0) and info {@code "rewards"} has both players'
 * (zero-sum: the loser gets -1 on the winner's move).
 * <p>Illegal moves (a taken cell, a full column): with {@code illegal_move} {@code "lose"} (the
 * default) the mover loses: terminated, reward -1, info {@code "illegal_move"} true; with
 * {@code "error"} the step throws {@link IllegalArgumentException} listing the legal actions and
 * the position is unchanged. An action outside the action space always throws, naming the space.
 * <p>Start: an empty board. Player 0 moves first. In the single-agent form {@code agent_plays}
 * says whether the agent is player 0 ({@code "first"}, default), player 1 ({@code "second"}: the
 * opponent's first move is made in {@code reset}) or either with probability 1/2 ({@code
 * "random"}, env stream).
 * <p>Episode end: terminated on a line of k (a win), a full board (a draw) or an illegal move
 * under {@code "lose"}. No time limit is needed: at most 9 or 42 moves.
 * <p>Opponents: {@code "random"} picks uniformly among legal moves from the env stream;
 * {@code "minimax"} is {@link Minimax} to {@code depth} plies (default 9 for tic-tac-toe, which
 * is perfect play, and 4 for Connect Four), ties broken uniformly from the env stream.
 * <p>Info: {@code "current_player"} (0 or 1, who moves next), {@code "action_mask"}, and at the
 * end {@code "winner"} (0, 1, or -1 for a draw); single-agent also {@code "agent_player"}.
 * <p>Versions: v0, the first.
 */
public final class BoardGameEnv extends BaseEnv<int[], Integer> {
    public static final String TIC_TAC_TOE = "TicTacToe-v0";
    public static final String CONNECT_FOUR = "ConnectFour-v0";

    /** Options (all optional). */
    public record Settings(@JsonProperty("opponent") String opponent,
                           @JsonProperty("depth") Integer depth,
                           @JsonProperty("agent_plays") String agentPlays,
                           @JsonProperty("illegal_move") String illegalMove) {
        public Settings {
            if (opponent == null) opponent = "random";
            oneOf("opponent", opponent, "random", "minimax", "none");
            if (depth != null) Check.positive("depth", depth);
            if (agentPlays != null && opponent.equals("none")) {
                throw new Check.FieldError("agent_plays", "only applies with an opponent, found opponent \"none\"");
            }
            if (agentPlays == null) agentPlays = "first";
            oneOf("agent_plays", agentPlays, "first", "second", "random");
            if (illegalMove == null) illegalMove = "lose";
            oneOf("illegal_move", illegalMove, "lose", "error");
        }

        private static void oneOf(String field, String value, String... allowed) {
            for (String a : allowed) {
                if (a.equals(value)) return;
            }
            throw new Check.FieldError(field, "expected one of " + String.join(", ", allowed) + ", found \"" + value + "\"");
        }
    }

    private final String id;
    /** The two-player game this env wraps; the built-in opponent plays one side of it. */
    private final BoardGame board;
    private final boolean turnBased;
    private final Minimax minimax;
    private final String agentPlays;
    private final boolean illegalLoses;

    private int agent;
    /** -2 while playing; then the winner, or -1 for a draw. */
    private int result;
    private boolean forfeit;

    public BoardGameEnv(String id, LineGame prototype, Settings settings) {
        this.id = id;
        this.board = new BoardGame(prototype);
        this.turnBased = settings.opponent().equals("none");
        int defaultDepth = prototype.gravity() ? 4 : 9;
        this.minimax = settings.opponent().equals("minimax") ? new Minimax(settings.depth() == null ? defaultDepth : settings.depth()) : null;
        if (settings.depth() != null && minimax == null) {
            throw new dev.jgym.core.config.UserError(id + ": $.depth: only applies with opponent \"minimax\", found opponent \""
                    + settings.opponent() + "\"");
        }
        this.agentPlays = settings.agentPlays();
        this.illegalLoses = settings.illegalMove().equals("lose");
    }

    public static BoardGameEnv ticTacToe(Map<String, ?> options) {
        return new BoardGameEnv(TIC_TAC_TOE, LineGame.ticTacToe(), Json.bind(options, Settings.class, TIC_TAC_TOE));
    }

    public static BoardGameEnv connectFour(Map<String, ?> options) {
        return new BoardGameEnv(CONNECT_FOUR, LineGame.connectFour(), Json.bind(options, Settings.class, CONNECT_FOUR));
    }

    @Override
    public MultiBinary observationSpace() {
        return board.observationSpace();
    }

    @Override
    public Discrete actionSpace() {
        return board.actionSpace();
    }

    @Override
    protected Reset<int[]> onReset(Map<String, ?> options) {
        expectNoOptions(id, options);
        board.reset(0);
        result = -2;
        forfeit = false;
        agent = switch (agentPlays) {
            case "second" -> 1;
            case "random" -> rng.nextInt(2);
            default -> 0;
        };
        if (!turnBased && agent == 1) opponentMoves();
        return new Reset<>(observation(), info(null));
    }

    @Override
    public Step<int[]> step(Integer action) {
        int a = Actions.check(id, actionSpace(), action);
        if (result != -2) throw new IllegalStateException(id + ": step() after the game ended; call reset()");
        int mover = board.currentPlayer();
        if (!board.legal(a)) {
            if (!illegalLoses) {
                throw new IllegalArgumentException(id + ": action " + a + " is illegal now (" + (board.position().gravity() ? "column full" : "cell taken")
                        + "); legal actions: " + legalActions());
            }
            forfeit = true;
            result = 1 - mover;
            return new Step<>(observation(), -1, true, false, info(rewards(mover, -1)));
        }
        board.step(a);
        double reward = board.reward(mover);
        if (!turnBased && !board.terminated()) {
            opponentMoves();
            if (board.winner() == 1 - agent) reward = -1;
        }
        if (board.terminated()) result = board.winner();
        return new Step<>(observation(), reward, result != -2, false, info(rewards(mover, reward)));
    }

    private void opponentMoves() {
        int move = minimax != null ? minimax.choose(board.position(), rng) : actionSpace().sample(rng, board.actionMask());
        board.step(move);
    }

    /** Both players' rewards for a turn-based step, mover's first; null in the single-agent form. */
    private double[] rewards(int mover, double moverReward) {
        if (!turnBased) return null;
        double[] r = new double[2];
        r[mover] = moverReward;
        r[1 - mover] = -moverReward;
        return r;
    }

    private Map<String, Object> info(double[] rewards) {
        Map<String, Object> info = new TreeMap<>();
        info.put("current_player", board.currentPlayer());
        info.put("action_mask", actionMask());
        if (!turnBased) info.put("agent_player", agent);
        if (rewards != null) info.put("rewards", rewards);
        if (result != -2) info.put("winner", result);
        if (forfeit) info.put("illegal_move", true);
        return info;
    }

    /** The observation now (see the class comment). */
    public int[] observation() {
        return board.observe(turnBased ? board.currentPlayer() : agent);
    }

    /** The player to move next: 0 or 1. */
    public int currentPlayer() {
        return board.currentPlayer();
    }

    /** The player the agent is in the single-agent form; -1 in the turn-based form. */
    public int agentPlayer() {
        return turnBased ? -1 : agent;
    }

    /** 1 for each legal action, 0 for the others (all 0 once the game is over); a fresh array. */
    public byte[] actionMask() {
        return result == -2 ? board.actionMask() : new byte[board.actionSpace().n()];
    }

    /** The legal actions, ascending. */
    public List<Integer> legalActions() {
        List<Integer> legal = new ArrayList<>();
        byte[] m = actionMask();
        for (int a = 0; a < m.length; a++) {
            if (m[a] == 1) legal.add(a);
        }
        return legal;
    }

    /** A copy of the position. */
    public LineGame game() {
        return board.position().copy();
    }

    /** A copy of the two-player game underneath (after an illegal move it is the position before it). */
    public BoardGame board() {
        return board.copy();
    }

    /** The winner (0, 1), -1 for a draw, -2 while the game goes on. */
    public int result() {
        return result;
    }

    /** The board (see {@link BoardGame#scene}); the status line also tells a loss by an illegal move. */
    @Override
    public Scene scene(Annotations annotations) {
        return BoardGame.scene(board.position(), annotations, id, BoardGame.status(board.position(), result, forfeit));
    }

    @Override
    public String toString() {
        return id;
    }
}
