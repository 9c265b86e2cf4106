package dev.jgym.agents.mc;

import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.TupleSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact model of Blackjack (S&amp;B Example 5.1, infinite deck, dealer stands on 17 soft or
 * hard), written from the rules for the tests, on the same rows as the agents' tables (a
 * {@link StateIndex} over Blackjack-v1's {@code Tuple(Discrete(32), Discrete(11), Discrete(2))}).
 * (player sum, usable ace) is Markov: without a usable ace a sum of 11 or less holds no ace.
 * Naturals are not modelled (they change values at 21, never the best action there: stick).
 * Sticking ends the episode with the expected outcome against the dealer's exact final-sum
 * distribution; busting ends it with -1. Rows that cannot occur are absorbing.
 */
final class BlackjackModel implements TabularModel {
    static final StateIndex INDEX = StateIndex.of(TupleSpace.of(new Discrete(32), new Discrete(11), new Discrete(2)), "test");
    private static final double[] CARD = new double[11];

    static {
        for (int c = 1; c <= 9; c++) CARD[c] = 1.0 / 13;
        CARD[10] = 4.0 / 13;
    }

    private final List<List<Outcome>> table = new ArrayList<>();

    BlackjackModel() {
        for (int s = 0; s < INDEX.size(); s++) {
            @SuppressWarnings("unchecked") List<Object> obs = (List<Object>) INDEX.observation(s);
            int sum = (Integer) obs.get(0), dealer = (Integer) obs.get(1), ace = (Integer) obs.get(2);
            boolean valid = dealer >= 1 && sum >= 4 && sum <= 21 && (ace == 0 || sum >= 12);
            if (!valid) {
                table.add(List.of(new Outcome(1, s, 0, true)));
                table.add(List.of(new Outcome(1, s, 0, true)));
                continue;
            }
            table.add(List.of(new Outcome(1, s, stick(sum, dealer), true)));
            List<Outcome> hit = new ArrayList<>();
            for (int c = 1; c <= 10; c++) {
                int raw = (ace == 1 ? sum - 10 : sum) + c;
                boolean hasAce = ace == 1 || c == 1;
                int total = hasAce && raw + 10 <= 21 ? raw + 10 : raw;
                int usable = hasAce && raw + 10 <= 21 ? 1 : 0;
                if (total > 21) hit.add(new Outcome(CARD[c], s, -1, true));
                else hit.add(new Outcome(CARD[c], INDEX.index(List.of(total, dealer, usable)), 0, false));
            }
            table.add(hit);
        }
    }

    /** Expected reward of sticking on {@code sum} against the dealer's showing card. */
    static double stick(int sum, int dealer) {
        double[] finals = new double[23]; // 17..21, 22 = bust
        for (int c = 1; c <= 10; c++) dealerPlays(dealer + c, dealer == 1 || c == 1, CARD[c], finals);
        double r = 0;
        for (int f = 17; f <= 22; f++) r += finals[f] * (f == 22 || sum > f ? 1 : sum == f ? 0 : -1);
        return r;
    }

    private static void dealerPlays(int raw, boolean hasAce, double p, double[] finals) {
        int total = hasAce && raw + 10 <= 21 ? raw + 10 : raw;
        if (total > 21) {
            finals[22] += p;
        } else if (total >= 17) {
            finals[total] += p;
        } else {
            for (int c = 1; c <= 10; c++) dealerPlays(raw + c, hasAce || c == 1, p * CARD[c], finals);
        }
    }

    @Override
    public int stateCount() {
        return INDEX.size();
    }

    @Override
    public int actionCount() {
        return 2;
    }

    @Override
    public List<Outcome> transitions(int state, int action) {
        return table.get(state * 2 + action);
    }

    @Override
    public double[] initialDistribution() {
        double[] d = new double[INDEX.size()];
        d[INDEX.index(List.of(12, 1, 0))] = 1; // unused by the planners
        return d;
    }
}
