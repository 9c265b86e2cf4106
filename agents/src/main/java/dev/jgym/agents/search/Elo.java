package dev.jgym.agents.search;

import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * Elo ratings from game results, by maximum likelihood under the Bradley-Terry model that Elo's
 * formula assumes: player i scores against j on average
 * <pre>  E_ij = 1 / (1 + 10^((R_j - R_i) / 400))</pre>
 * with a draw counted as half a win for each. The fit is Hunter's MM iteration (Hunter, "MM
 * algorithms for generalized Bradley-Terry models", Ann. Statist. 2004) on gamma_i = 10^(R_i/400):
 * <pre>  gamma_i ← W_i / Σ_j n_ij / (gamma_i + gamma_j)</pre>
 * A prior of one virtual draw between every pair keeps a player who won (or lost) every game at a
 * finite rating. Ratings are shifted so the anchor player is at 0.
 *
 * <p>95% intervals come from a bootstrap: the games of every pair are resampled with replacement
 * (a seeded stream), the ratings refitted, and the 2.5th and 97.5th percentiles kept.
 */
public final class Elo {
    /** Ratings with their 95% bootstrap intervals, in the players' order. */
    public record Ratings(double[] elo, double[] low, double[] high) {}

    private Elo() {}

    /**
     * Ratings from {@code wins[i][j]} (games i won against j) and {@code draws[i][j]} (symmetric),
     * with player {@code anchor} at 0.
     */
    public static double[] fit(double[][] wins, double[][] draws, int anchor) {
        int n = wins.length;
        double[] gamma = new double[n];
        Arrays.fill(gamma, 1);
        double[] score = new double[n];
        double[][] games = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                games[i][j] = wins[i][j] + wins[j][i] + draws[i][j] + 1; // + the virtual draw
                score[i] += wins[i][j] + 0.5 * draws[i][j] + 0.5;
            }
        }
        for (int iter = 0; iter < 10_000; iter++) {
            double change = 0;
            for (int i = 0; i < n; i++) {
                double denominator = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j) denominator += games[i][j] / (gamma[i] + gamma[j]);
                }
                double next = score[i] / denominator;
                change = Math.max(change, Math.abs(Math.log(next / gamma[i])));
                gamma[i] = next;
            }
            double norm = gamma[anchor];
            for (int i = 0; i < n; i++) gamma[i] /= norm;
            if (change < 1e-12) break;
        }
        double[] elo = new double[n];
        for (int i = 0; i < n; i++) elo[i] = 400 * Math.log10(gamma[i]);
        return elo;
    }

    /**
     * Ratings and bootstrap intervals ({@code resamples} refits) from per-pair outcome counts;
     * {@code rng} draws the resamples.
     */
    public static Ratings withIntervals(double[][] wins, double[][] draws, int anchor, int resamples, Rng rng) {
        int n = wins.length;
        double[] elo = fit(wins, draws, anchor);
        double[][] samples = new double[n][resamples];
        for (int r = 0; r < resamples; r++) {
            double[][] w = new double[n][n], d = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int total = (int) (wins[i][j] + wins[j][i] + draws[i][j]);
                    for (int g = 0; g < total; g++) {
                        double u = rng.nextDouble() * total;
                        if (u < wins[i][j]) w[i][j]++;
                        else if (u < wins[i][j] + wins[j][i]) w[j][i]++;
                        else {
                            d[i][j]++;
                            d[j][i]++;
                        }
                    }
                }
            }
            double[] e = fit(w, d, anchor);
            for (int i = 0; i < n; i++) samples[i][r] = e[i];
        }
        double[] low = new double[n], high = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.sort(samples[i]);
            low[i] = samples[i][(int) Math.floor(0.025 * (resamples - 1))];
            high[i] = samples[i][(int) Math.ceil(0.975 * (resamples - 1))];
        }
        return new Ratings(elo, low, high);
    }

    /** Elo's expected score of a player rated {@code a} against one rated {@code b}. */
    public static double expectedScore(double a, double b) {
        return 1 / (1 + Math.pow(10, (b - a) / 400));
    }
}
