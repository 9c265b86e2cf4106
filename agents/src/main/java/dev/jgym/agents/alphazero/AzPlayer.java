package dev.jgym.agents.alphazero;

import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;

/**
 * A trained AlphaZero network as a player: PUCT search without root noise, the most visited move
 * (ties: the higher Q, then the lower action), leaves evaluated one at a time. Deterministic: it
 * draws no random numbers.
 */
public final class AzPlayer implements Player {
    private final PolicyValueNet net;
    private final Puct puct;
    private final String name;
    private final float[] obs, priors, value = new float[1];
    private final byte[] mask;

    public AzPlayer(PolicyValueNet net, Puct.Settings search, String name) {
        this.net = net;
        this.puct = new Puct(search.noiseless(), net.actions());
        this.name = name;
        this.obs = new float[net.inputs()];
        this.priors = new float[net.actions()];
        this.mask = new byte[net.actions()];
    }

    @Override
    public int act(TwoPlayerEnv<?> game) {
        search(game);
        return puct.bestMove();
    }

    /** Runs the search from {@code game} (left as it was); {@link #search()} then reads its root. */
    public void search(TwoPlayerEnv<?> game) {
        puct.start(game, null); // no root noise: no stream
        while (puct.next(obs, 0, mask, 0)) {
            net.evaluate(obs, mask, 1, priors, value);
            puct.expand(priors, 0, value[0]);
        }
    }

    /** The last search (root visits, values, best move). */
    public Puct search() {
        return puct;
    }

    /** The network's own choice, without search: its most probable legal move (ties: the lower action). */
    public int networkMove(TwoPlayerEnv<int[]> game) {
        int[] o = game.observe(game.currentPlayer());
        for (int i = 0; i < o.length; i++) obs[i] = o[i];
        for (int a = 0; a < mask.length; a++) mask[a] = (byte) (game.legal(a) ? 1 : 0);
        net.evaluate(obs, mask, 1, priors, value);
        int best = -1;
        for (int a = 0; a < priors.length; a++) if (mask[a] != 0 && (best < 0 || priors[a] > priors[best])) best = a;
        return best;
    }

    @Override
    public String name() {
        return name;
    }
}
