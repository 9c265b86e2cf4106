package dev.jgym.core.multi;

/**
 * Someone who picks moves in a {@link TwoPlayerEnv}: a search, a fixed opponent, a person.
 *
 * <p>{@link #act} gets the live game and must leave it as it was (search on {@link
 * TwoPlayerEnv#copy()}); it returns a legal action for the current player. A player that draws
 * random numbers owns its stream, so a game between seeded players is reproducible.
 */
public interface Player {
    /** A legal action for {@code game.currentPlayer()}; the game is not terminated. */
    int act(TwoPlayerEnv<?> game);

    /** A short name for tables and messages, such as {@code "mcts-1000"}. */
    String name();

    /** Called when a new game starts (a player that keeps a tree between moves drops it). */
    default void onGameStart() {}
}
