package dev.jgym.core.multi;

import dev.jgym.core.rng.Rng;

/** Plays a legal action uniformly at random from its own stream. */
public final class RandomPlayer implements Player {
    private final Rng rng;

    public RandomPlayer(Rng rng) {
        this.rng = rng;
    }

    @Override
    public int act(TwoPlayerEnv<?> game) {
        return game.actionSpace().sample(rng, game.actionMask());
    }

    @Override
    public String name() {
        return "random";
    }
}
