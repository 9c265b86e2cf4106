package dev.jgym.core.multi;

/** Plays one game between two players to the end. */
public final class Match {
    private Match() {}

    /**
     * Resets {@code game} with {@code seed} and lets {@code first} (player 0) and {@code second}
     * (player 1) move in turn until the game ends; returns the winner (0, 1) or -1 for a draw.
     */
    public static int play(TwoPlayerEnv<?> game, long seed, Player first, Player second) {
        game.reset(seed);
        first.onGameStart();
        second.onGameStart();
        while (!game.terminated()) {
            Player p = game.currentPlayer() == 0 ? first : second;
            int a = p.act(game);
            if (!game.legal(a)) {
                throw new IllegalStateException(p.name() + " chose action " + a + ", which is illegal in " + game.name() + " now");
            }
            game.step(a);
        }
        return game.winner();
    }
}
