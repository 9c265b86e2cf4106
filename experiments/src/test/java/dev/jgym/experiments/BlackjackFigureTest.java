package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S&amp;B Example 5.1, Figure 5.1: first-visit MC prediction of "stick only on 20 or 21" on
 * Blackjack, {@code configs/book/blackjack-figure-5.1.json} through {@code jgym train}, held to the
 * exact v_π computed here independently of the env: an infinite deck (ace 1, 2-9, and 10, J, Q, K
 * all 10: each of the 13 ranks 1/13), Gymnasium's Blackjack-v1 rules as {@code sab: true} plays
 * them (blackjack.py): the dealer hits below 17 counting a usable ace as 11 (stands on soft 17);
 * a player's natural (ace and ten-card as the first two) wins +1 unless the dealer's two cards
 * are a natural too (then a draw); otherwise the higher non-bust sum wins, a bust loses (−1).
 *
 * <p>The observation (sum, dealer card, usable ace) is Markov for this policy except at a usable
 * 21, reached as a natural or by hitting to a soft 21: there MC's first-visit average converges to
 * the mixture weighted by how often each is reached, which is what {@link #exact} computes (the
 * book's "state" is the same observation). No observation repeats within an episode (the raw card
 * total only grows), so first and every visit agree.
 */
@Tag("learning")
class BlackjackFigureTest {
    @TempDir
    Path dir;

    private static final int[] DECK = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10};

    /** The exact v_π(sum, dealer, usable), E[G²] there, and the chance that an episode visits it. */
    record Exact(double[][][] v, double[][][] second, double[][][] visits) {}

    /** Dealer outcome for showing card d: probability of each final score (index 0: bust) and of a natural. */
    static double[] dealer(int d, double[] naturalOut) {
        double[] out = new double[22];
        for (int h : DECK) {
            boolean natural = (d == 1 && h == 10) || (d == 10 && h == 1);
            if (natural) {
                naturalOut[0] += 1.0 / 13;
                continue;
            }
            dealerPlays(d + h, d == 1 || h == 1, 1.0 / 13, out);
        }
        return out;
    }

    private static void dealerPlays(int raw, boolean ace, double p, double[] out) {
        int sum = ace && raw + 10 <= 21 ? raw + 10 : raw;
        if (sum > 21) {
            out[0] += p;
        } else if (sum >= 17) {
            out[sum] += p;
        } else {
            for (int c : DECK) dealerPlays(raw + c, ace || c == 1, p / 13, out);
        }
    }

    /** E[G^power] from a player hand (raw total, holds an ace, is a natural) against dealer card d; power 1 or 2. */
    static double playerValue(int raw, boolean ace, boolean natural, double[] dealer, double dealerNatural, int power) {
        int sum = ace && raw + 10 <= 21 ? raw + 10 : raw;
        if (sum > 21) return power == 1 ? -1 : 1; // a bust loses
        if (natural) return 1 - dealerNatural; // +1 unless the dealer has one too (a draw)
        if (sum >= 20) { // stick
            double e = 0;
            for (int score = 0; score <= 21; score++) {
                int sign = Integer.compare(sum, score);
                e += dealer[score] * (power == 1 ? sign : sign * sign);
            }
            int sign = Integer.compare(sum, 21); // a dealer natural counts as 21 against a non-natural hand
            return e + dealerNatural * (power == 1 ? sign : sign * sign);
        }
        double e = 0;
        for (int c : DECK) {
            int nraw = raw + c;
            boolean nace = ace || c == 1;
            int nsum = nace && nraw + 10 <= 21 ? nraw + 10 : nraw;
            e += (nsum > 21 ? (power == 1 ? -1 : 1) : playerValue(nraw, nace, false, dealer, dealerNatural, power)) / 13;
        }
        return e;
    }

    static Exact exact() {
        double[][][] v = new double[32][11][2], second = new double[32][11][2], visits = new double[32][11][2];
        for (int d = 1; d <= 10; d++) {
            double[] nat = new double[1];
            double[] dl = dealer(d, nat);
            double pd = d == 10 ? 4.0 / 13 : 1.0 / 13;
            // reach[raw][ace][natural]: the chance the player's hand passes through it, from the deal
            double[][][] reach = new double[32][2][2];
            for (int c1 : DECK) for (int c2 : DECK) {
                boolean natural = (c1 == 1 && c2 == 10) || (c1 == 10 && c2 == 1);
                reach[c1 + c2][c1 == 1 || c2 == 1 ? 1 : 0][natural ? 1 : 0] += 1.0 / 169;
            }
            double[][] sum1 = new double[32][2], sum2 = new double[32][2], mass = new double[32][2];
            for (int raw = 2; raw <= 21; raw++) {
                for (int ace = 0; ace < 2; ace++) {
                    for (int nat2 = 0; nat2 < 2; nat2++) {
                        double p = reach[raw][ace][nat2];
                        if (p == 0) continue;
                        boolean usable = ace == 1 && raw + 10 <= 21;
                        int sum = usable ? raw + 10 : raw;
                        int u = usable ? 1 : 0;
                        mass[sum][u] += p;
                        sum1[sum][u] += p * playerValue(raw, ace == 1, nat2 == 1, dl, nat[0], 1);
                        sum2[sum][u] += p * playerValue(raw, ace == 1, nat2 == 1, dl, nat[0], 2);
                        if (sum < 20) {
                            for (int c : DECK) {
                                int nraw = raw + c, nace = ace == 1 || c == 1 ? 1 : 0;
                                int nsum = nace == 1 && nraw + 10 <= 21 ? nraw + 10 : nraw;
                                if (nsum <= 21) reach[nraw][nace][0] += p / 13;
                            }
                        }
                    }
                }
            }
            for (int sum = 4; sum <= 21; sum++) {
                for (int u = 0; u < 2; u++) {
                    if (mass[sum][u] == 0) continue;
                    v[sum][d][u] = sum1[sum][u] / mass[sum][u];
                    second[sum][d][u] = sum2[sum][u] / mass[sum][u];
                    visits[sum][d][u] = pd * mass[sum][u];
                }
            }
        }
        return new Exact(v, second, visits);
    }

    /** V per observation (sum, dealer, usable) from a values.csv. */
    static Map<String, Double> read(Path csv) {
        Pattern row = Pattern.compile("^[^,]*,\"\\[(\\d+),(\\d+),(\\d)\\]\",,([-0-9.Ee]+)$");
        Map<String, Double> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(csv)) {
                Matcher m = row.matcher(line);
                if (m.matches()) out.put(m.group(1) + "," + m.group(2) + "," + m.group(3), Double.parseDouble(m.group(4)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** RMS of learned − exact over the figure's 200 states. */
    static double rms(Map<String, Double> learned, Exact x) {
        double s = 0;
        for (int sum = 12; sum <= 21; sum++) for (int d = 1; d <= 10; d++) for (int u = 0; u < 2; u++) {
            double e = learned.get(sum + "," + d + "," + u) - x.v()[sum][d][u];
            s += e * e;
        }
        return Math.sqrt(s / 200);
    }

    /** What sample averages of n ≈ episodes x visits returns should reach: sqrt(mean over the 200 states of Var(G | s) / n). */
    static double expectedRms(Exact x, int episodes) {
        double s = 0;
        for (int sum = 12; sum <= 21; sum++) for (int d = 1; d <= 10; d++) for (int u = 0; u < 2; u++) {
            double var = x.second()[sum][d][u] - x.v()[sum][d][u] * x.v()[sum][d][u];
            s += var / (episodes * x.visits()[sum][d][u]);
        }
        return Math.sqrt(s / 200);
    }

    @Test
    @DisplayName("the exact computation: the policy's mean return from the deal within 0.01 of the run's -0.3478 (episodes 450,001-500,000, standard error 0.004); "
            + "v(21, 10, no usable ace) = 1 - P(dealer ends on 21, a natural included) (1e-12); the dealer's outcomes sum to 1")
    void exactValuesAreConsistent() {
        Exact x = exact();
        // the mean return of an episode: Σ over first observed states (the deal) of P(deal) v; its own route, from the deal's cards
        double start = 0;
        for (int d = 1; d <= 10; d++) {
            double[] nat = new double[1];
            double[] dl = dealer(d, nat);
            double pd = d == 10 ? 4.0 / 13 : 1.0 / 13;
            for (int c1 : DECK) for (int c2 : DECK) {
                boolean natural = (c1 == 1 && c2 == 10) || (c1 == 10 && c2 == 1);
                start += pd / 169 * playerValue(c1 + c2, c1 == 1 || c2 == 1, natural, dl, nat[0], 1);
            }
        }
        System.out.printf("Blackjack, stick on 20 or 21: exact mean return %.5f%n", start);
        assertEquals(-0.3478, start, 0.01, "the config's summary: mean return -0.3478 over episodes 450,001-500,000 (standard error 0.004)");
        // (21, 10, no usable ace) sticks: it loses to nothing, draws when the dealer reaches 21 (a natural included)
        double[] nat = new double[1];
        double[] dl = dealer(10, nat);
        assertEquals(1 - dl[21] - nat[0], x.v()[21][10][0], 1e-12);
        double probabilities = nat[0];
        for (double p : dl) probabilities += p;
        assertEquals(1, probabilities, 1e-12, "the dealer's outcomes sum to 1");
    }

    @Test
    @DisplayName("S&B Fig 5.1 (one run): RMS over the 200 states (sum 12-21 x dealer 1-10 x usable ace) against the exact v_pi "
            + "after 500,000 episodes < 0.035 and within 30% of sample averages' sqrt(mean Var/n); after 10,000 < 0.30 (within 40%; few visits there); "
            + "the figure's features: sum 21 near +0.9 (>= 0.85 against dealer 2-10), 20 positive, 12-19 negative")
    void figure51() {
        Path out = PlanningFiguresTest.train(dir.resolve("f51"), "book/blackjack-figure-5.1.json");
        assertTrue(Files.isRegularFile(out.resolve("values.png")), "the figure's PNG");
        Exact x = exact();
        Map<String, Double> late = read(out.resolve("values.csv")), early = read(out.resolve("values-episode-10000.csv"));
        assertEquals(704, late.size(), "32 x 11 x 2 observations");
        double rmsLate = rms(late, x), rmsEarly = rms(early, x);
        double expectLate = expectedRms(x, 500_000), expectEarly = expectedRms(x, 10_000);
        System.out.printf("Figure 5.1: RMS vs exact v_pi after 10,000 episodes %.4f (sample averages: %.4f), after 500,000 %.4f (%.4f)%n",
                rmsEarly, expectEarly, rmsLate, expectLate);
        assertTrue(rmsLate < 0.035, "after 500,000: " + rmsLate);
        assertEquals(expectLate, rmsLate, 0.3 * expectLate, "after 500,000, against what sample averages should reach");
        assertTrue(rmsEarly < 0.30, "after 10,000: " + rmsEarly);
        assertEquals(expectEarly, rmsEarly, 0.4 * expectEarly, "after 10,000");
        assertTrue(rmsEarly > 3 * rmsLate, "50x the episodes: about 7x smaller");
        for (int d = 1; d <= 10; d++) {
            for (int u = 0; u < 2; u++) {
                double v21 = late.get("21," + d + "," + u), v20 = late.get("20," + d + "," + u);
                if (d >= 2) assertTrue(v21 >= 0.85, "v(21, " + d + ", " + u + ") = " + v21);
                assertTrue(v20 > 0, "v(20, " + d + ", " + u + ") = " + v20);
                for (int sum = 12; sum <= 19; sum++) assertTrue(late.get(sum + "," + d + "," + u) < 0, "v(" + sum + ", " + d + ", " + u + ")");
            }
        }
    }
}
