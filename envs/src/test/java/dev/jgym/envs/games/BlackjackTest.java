package dev.jgym.envs.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.TupleSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Blackjack-v1 against its rules (S&amp;B Example 5.1; Gymnasium {@code toy_text/blackjack.py}):
 * single hands checked by rule, and the mean return of a fixed policy held to its exact value,
 * computed here by enumerating the infinite deck independently of the env's code.
 */
class BlackjackTest {
    private static final int[] RANKS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10};

    private static Blackjack env(Map<String, Object> options) {
        @SuppressWarnings("unchecked")
        Blackjack b = (Blackjack) (Object) EnvRegistry.make("Blackjack-v1", options).unwrapped();
        b.reset(0L, Map.of());
        return b;
    }

    private static double stick(Blackjack env, int[] player, int[] dealer) {
        env.deal(player, dealer);
        Step<List<Object>> s = env.step(Blackjack.STICK);
        assertTrue(s.terminated());
        return s.reward();
    }

    @Test
    @DisplayName("spaces as Gymnasium: Tuple(Discrete(32), Discrete(11), Discrete(2)) and Discrete(2)")
    void spaces() {
        Blackjack env = env(Map.of());
        assertEquals(TupleSpace.of(new Discrete(32), new Discrete(11), new Discrete(2)), env.observationSpace());
        assertEquals(new Discrete(2), env.actionSpace());
    }

    @Test
    @DisplayName("naturals: sab wins +1 unless the dealer has one too; natural=true pays 1.5; neither is a plain 21")
    void naturals() {
        Blackjack sab = env(Map.of()); // registry default: sab true
        assertEquals(1.0, stick(sab, new int[] {1, 10}, new int[] {10, 7}));
        assertEquals(1.0, stick(sab, new int[] {1, 10}, new int[] {10, 5, 6}), "a natural beats a drawn 21 under S&B");
        assertEquals(0.0, stick(sab, new int[] {1, 10}, new int[] {1, 10}));
        assertEquals(-1.0, stick(sab, new int[] {10, 10}, new int[] {1, 10}));
        Blackjack casino = env(Map.of("sab", false, "natural", true));
        assertEquals(1.5, stick(casino, new int[] {10, 1}, new int[] {10, 7}));
        assertEquals(0.0, stick(casino, new int[] {10, 1}, new int[] {10, 5, 6}));
        assertEquals(1.0, stick(casino, new int[] {5, 6, 10}, new int[] {10, 7}), "21 in three cards is no natural");
        Blackjack plain = env(Map.of("sab", false, "natural", false));
        assertEquals(1.0, stick(plain, new int[] {1, 10}, new int[] {10, 7}));
        assertEquals(0.0, stick(plain, new int[] {1, 10}, new int[] {10, 5, 6}));
    }

    @Test
    @DisplayName("aces count 11 while that does not bust; the observation reports the usable ace; a bust is -1")
    void acesAndBusts() {
        Blackjack env = env(Map.of());
        env.deal(new int[] {1, 6}, new int[] {9, 8});
        assertEquals(0.0, env.step(Blackjack.STICK).reward(), "soft 17 (ace as 11) draws with 17");
        env.deal(new int[] {1, 6}, new int[] {9, 9});
        assertEquals(-1.0, env.step(Blackjack.STICK).reward(), "17 loses to 18");
        env.deal(new int[] {10, 6}, new int[] {9, 9});
        Step<List<Object>> hit = env.step(Blackjack.HIT);
        int sum = (Integer) hit.observation().get(0);
        assertEquals(sum > 21 ? -1.0 : 0.0, hit.reward());
        assertEquals(sum > 21, hit.terminated());
        assertEquals(9, hit.observation().get(1), "the dealer's showing card");
        assertTrue(Blackjack.isBust(List.of(10, 10, 5)));
        assertEquals(21, Blackjack.sum(List.of(1, 10)));
        assertEquals(12, Blackjack.sum(List.of(1, 1)));
        assertEquals(13, Blackjack.sum(List.of(1, 10, 2)));
        assertTrue(Blackjack.usableAce(List.of(1, 5)));
    }

    @Test
    @DisplayName("stick on 20 or 21 (S&B Fig 5.1's policy): mean return from the env = exact value, 200000 episodes, +-4 SE")
    void policyValueMatchesExactEnumeration() {
        for (boolean sab : new boolean[] {true, false}) {
            for (boolean natural : new boolean[] {false, true}) {
                double exact = exactValue(sab, natural);
                Blackjack env = env(Map.of("sab", sab, "natural", natural));
                env.reset(1234L, Map.of());
                int n = 200_000;
                double sum = 0, sumSq = 0;
                for (int i = 0; i < n; i++) {
                    List<Object> obs = env.reset().observation();
                    double ret = 0;
                    while (true) {
                        Step<List<Object>> s = env.step((Integer) obs.get(0) >= 20 ? Blackjack.STICK : Blackjack.HIT);
                        ret += s.reward();
                        obs = s.observation();
                        if (s.terminated()) break;
                    }
                    sum += ret;
                    sumSq += ret * ret;
                }
                double mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / n);
                assertEquals(exact, mean, 4 * se, "sab=" + sab + " natural=" + natural + " exact " + exact);
            }
        }
    }

    @Test
    @DisplayName("start [13, 2, 1] (S&B Example 5.4): every reset observes it, the dealer's second card comes from the env stream")
    void fixedStart() {
        Blackjack env = env(Map.of("start", List.of(13, 2, 1)));
        for (long seed = 0; seed < 20; seed++) assertEquals(List.of(13, 2, 1), env.reset(seed, Map.of()).observation());
        for (int sum = 4; sum <= 21; sum++) {
            for (int ace = sum >= 12 ? 1 : 0; ace >= 0; ace--) {
                Blackjack e = env(Map.of("start", List.of(sum, 10, ace)));
                assertEquals(List.of(sum, 10, ace), e.reset(3L, Map.of()).observation());
            }
        }
        Map<Integer, Integer> hidden = new HashMap<>();
        for (long seed = 0; seed < 2000; seed++) {
            env.reset(seed, Map.of());
            env.step(Blackjack.STICK);
            hidden.merge(env.dealerCards().get(1), 1, Integer::sum);
        }
        assertEquals(10, hidden.size(), "the hidden card takes every rank value: " + hidden);
    }

    @Test
    @DisplayName("a bad start is one line naming the option: start [11, 2, 1] has no usable-ace hand")
    void badStart() {
        UserError e = assertThrows(UserError.class, () -> env(Map.of("start", List.of(11, 2, 1))));
        assertTrue(e.getMessage().contains("start") && e.getMessage().contains("12-21"), e.getMessage());
        assertThrows(UserError.class, () -> env(Map.of("start", List.of(13, 11, 0))));
        assertThrows(UserError.class, () -> env(Map.of("start", List.of(13, 2))));
    }

    /** S&amp;B Example 5.4: "approximately −0.27726", from 100 million episodes of the target policy. */
    static final double EXAMPLE_5_4_VALUE = -0.27726;

    @Test
    @DisplayName("S&B Example 5.4: v(13, dealer 2, usable ace) under stick-on-20-or-21 is -0.27726 (exact enumeration within 1e-4; book: 1e8 episodes)")
    void example54ExactValue() {
        double v = 0;
        for (int hidden : RANKS) v += play(1 + 2, true, dealerFinal(2 + hidden, hidden == 1)) / 13;
        assertEquals(EXAMPLE_5_4_VALUE, v, 1e-4, "exact " + v);
    }

    // ---- exact enumeration, written from the rules, not from the env ----

    private static int total(int raw, boolean ace) {
        return ace && raw + 10 <= 21 ? raw + 10 : raw;
    }

    private static final Map<Long, double[]> DEALER = new HashMap<>();

    /** Dealer's final total distribution from (raw sum, has ace): index 17..21 -> 0..4, bust -> 5. */
    private static double[] dealerFinal(int raw, boolean ace) {
        long key = raw * 2L + (ace ? 1 : 0);
        double[] cached = DEALER.get(key);
        if (cached != null) return cached;
        double[] dist = new double[6];
        int t = total(raw, ace);
        if (t > 21) dist[5] = 1;
        else if (t >= 17) dist[t - 17] = 1;
        else {
            for (int r : RANKS) {
                double[] sub = dealerFinal(raw + r, ace || r == 1);
                for (int i = 0; i < 6; i++) dist[i] += sub[i] / 13;
            }
        }
        DEALER.put(key, dist);
        return dist;
    }

    /** Expected reward of standing on player total p against the dealer distribution. */
    private static double versus(int p, double[] dealer) {
        double v = 0;
        for (int i = 0; i < 6; i++) {
            int d = i == 5 ? 0 : 17 + i;
            v += dealer[i] * Integer.compare(p, d);
        }
        return v;
    }

    /** Player hits below 20; the dealer's cards are fixed first (infinite deck: independent). */
    private static double play(int raw, boolean ace, double[] dealer) {
        int t = total(raw, ace);
        if (t > 21) return -1;
        if (t >= 20) return versus(t, dealer);
        double v = 0;
        for (int r : RANKS) v += play(raw + r, ace || r == 1, dealer) / 13;
        return v;
    }

    static double exactValue(boolean sab, boolean natural) {
        double value = 0;
        for (int d1 : RANKS) {
            for (int d2 : RANKS) {
                double[] dealer = dealerFinal(d1 + d2, d1 == 1 || d2 == 1);
                boolean dealerNatural = (d1 == 1 && d2 == 10) || (d1 == 10 && d2 == 1);
                for (int p1 : RANKS) {
                    for (int p2 : RANKS) {
                        boolean playerNatural = (p1 == 1 && p2 == 10) || (p1 == 10 && p2 == 1);
                        double v;
                        if (playerNatural) {
                            double base = versus(21, dealer); // the player sticks on 21
                            if (sab) v = dealerNatural ? 0 : 1;
                            else if (natural) v = base + 0.5 * probabilityWin(21, dealer);
                            else v = base;
                        } else {
                            v = play(p1 + p2, p1 == 1 || p2 == 1, dealer);
                        }
                        value += v / (13.0 * 13 * 13 * 13);
                    }
                }
            }
        }
        return value;
    }

    private static double probabilityWin(int p, double[] dealer) {
        double w = dealer[5];
        for (int i = 0; i < 5; i++) if (17 + i < p) w += dealer[i];
        return w;
    }
}
