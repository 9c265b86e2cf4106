package dev.jgym.core.multi;

import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;

/**
 * A two-player, turn-based, zero-sum game as an env, in the spirit of PettingZoo's AEC API
 * (Terry et al., 2021): one player acts at a time, and each can observe the game from its own side.
 *
 * <p>How it maps onto AEC: {@link #currentPlayer()} is {@code agent_selection} (players are 0 and
 * 1, player 0 moves first unless the game says otherwise); {@link #observe(int)} is
 * {@code observe(agent)}; {@link #legal(int)}/{@link #actionMask()} are the {@code action_mask};
 * {@link #reward(int)} is {@code rewards[agent]} for the last step; {@link #terminated()} is
 * {@code terminations} (the same for both players here). No time limit: the games end by their
 * rules, so there is no truncation.
 *
 * <p>The tick: {@link #reset(long)} starts a game (the seed drives the game's own randomness, if it
 * has any; the same seed and actions always give the same game); then {@link #step(int)} plays a
 * legal action for the current player, sets both players' rewards for that step (zero-sum: a win
 * is +1 for the winner and -1 for the loser, on the winning move) and hands the turn over. An
 * illegal action, or a step after the end, throws and changes nothing.
 *
 * <p>For search: {@link #copy()} is an independent game in the same state (the random stream
 * included), so a planner plays moves on copies and the original is untouched.
 *
 * @param <O> the observation type (see {@link Space} for the value types)
 */
public interface TwoPlayerEnv<O> {
    /** A name for messages, such as {@code "TicTacToe"}. */
    String name();

    /** The actions of both players; not all are legal at every turn. */
    Discrete actionSpace();

    /** What {@link #observe(int)} returns. */
    Space<O> observationSpace();

    /** Starts a game from the start position; {@code seed} drives any randomness of the game. */
    void reset(long seed);

    /** The player to act: 0 or 1 (undefined once terminated). */
    int currentPlayer();

    /** The game as {@code player} sees it: its own pieces first (see the implementation). */
    O observe(int player);

    /** True when the current player may play {@code action} now (false for all once terminated). */
    boolean legal(int action);

    /** 1 for each legal action of the current player, 0 for the others; a fresh array. */
    default byte[] actionMask() {
        byte[] mask = new byte[actionSpace().n()];
        for (int a = 0; a < mask.length; a++) mask[a] = (byte) (legal(a) ? 1 : 0);
        return mask;
    }

    /** Plays a legal {@code action} for the current player. */
    void step(int action);

    /** {@code player}'s reward for the last step (0 before the first). */
    double reward(int player);

    /** True once the game is over. */
    boolean terminated();

    /** The winner (0 or 1), -1 for a draw, -2 while the game goes on. */
    int winner();

    /** Moves played since the reset. */
    int moves();

    /** An independent copy of the game in its current state. */
    TwoPlayerEnv<O> copy();

    /** How the game looks now, with an agent's annotations (such as {@code action_values}). */
    Scene scene(Annotations annotations);
}
