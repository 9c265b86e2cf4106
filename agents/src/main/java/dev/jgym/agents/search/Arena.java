package dev.jgym.agents.search;

import dev.jgym.core.multi.Match;
import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A round-robin tournament: every pair of entrants plays {@code gamesPerPair} games, sides
 * alternating (the first of the pair moves first in the even games), and the results become Elo
 * ratings with 95% bootstrap intervals ({@link Elo}), the first entrant anchored at 0.
 *
 * <p>Reproducible: entrant i's player for game g against j is made from the stream
 * {@code Rng(seed).child(name_i).child(pairIndex * gamesPerPair + g)}, and game g of a pair is
 * reset with that index as its seed; the results depend on nothing else.
 */
public final class Arena {
    /** A named way to make a player from its own random stream. */
    public record Entrant(String name, Function<Rng, Player> make) {}

    /** Outcome counts ({@code wins[i][j]}: games i won against j; draws symmetric) and the ratings. */
    public record Result(List<String> names, double[][] wins, double[][] draws, Elo.Ratings ratings) {
        /** One line per entrant, best first: rank, name, Elo, 95% interval, score, games won, drawn and lost, games. */
        public String table() {
            int n = names.size();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(ratings.elo()[b], ratings.elo()[a]));
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-4s %-16s %7s %17s %7s %6s %6s %6s %6s%n", "rank", "player", "elo", "95% interval",
                    "score", "won", "drawn", "lost", "games"));
            for (int r = 0; r < n; r++) {
                int i = order[r];
                double won = 0, drawn = 0, lost = 0;
                for (int j = 0; j < n; j++) {
                    won += wins[i][j];
                    drawn += draws[i][j];
                    lost += wins[j][i];
                }
                sb.append(String.format(Locale.ROOT, "%-4d %-16s %7.0f  [%6.0f, %6.0f] %6.1f%% %6.0f %6.0f %6.0f %6.0f%n", r + 1, names.get(i), ratings.elo()[i],
                        ratings.low()[i], ratings.high()[i], 100 * score(i), won, drawn, lost, games(i)));
            }
            return sb.toString();
        }

        /** Entrant i's games in all. */
        public double games(int i) {
            double games = 0;
            for (int j = 0; j < names.size(); j++) games += wins[i][j] + wins[j][i] + draws[i][j];
            return games;
        }

        /** Entrant i's score: (wins + draws / 2) / games. */
        public double score(int i) {
            double points = 0;
            for (int j = 0; j < names.size(); j++) points += wins[i][j] + 0.5 * draws[i][j];
            return points / games(i);
        }
    }

    private Arena() {}

    /** Plays the round robin on fresh games from {@code game} and rates the entrants. */
    public static Result roundRobin(Supplier<? extends TwoPlayerEnv<?>> game, List<Entrant> entrants, int gamesPerPair, long seed) {
        return roundRobin(game, entrants, gamesPerPair, seed, () -> { });
    }

    /** As {@link #roundRobin(Supplier, List, int, long)}, calling {@code gamePlayed} after each game (a progress bar). */
    public static Result roundRobin(Supplier<? extends TwoPlayerEnv<?>> game, List<Entrant> entrants, int gamesPerPair, long seed, Runnable gamePlayed) {
        int n = entrants.size();
        if (n < 2) throw new IllegalArgumentException("an arena needs at least 2 entrants, found " + n);
        if (gamesPerPair < 1) throw new IllegalArgumentException("games per pair must be >= 1, found " + gamesPerPair);
        Rng root = new Rng(seed);
        double[][] wins = new double[n][n], draws = new double[n][n];
        TwoPlayerEnv<?> board = game.get();
        int pair = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, pair++) {
                for (int g = 0; g < gamesPerPair; g++) {
                    long index = (long) pair * gamesPerPair + g;
                    Player a = entrants.get(i).make().apply(root.child(entrants.get(i).name()).child(index));
                    Player b = entrants.get(j).make().apply(root.child(entrants.get(j).name()).child(index));
                    boolean aFirst = g % 2 == 0;
                    int winner = aFirst ? Match.play(board, index, a, b) : Match.play(board, index, b, a);
                    if (winner < 0) {
                        draws[i][j]++;
                        draws[j][i]++;
                    } else if ((winner == 0) == aFirst) {
                        wins[i][j]++;
                    } else {
                        wins[j][i]++;
                    }
                    gamePlayed.run();
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Entrant e : entrants) names.add(e.name());
        return new Result(names, wins, draws, Elo.withIntervals(wins, draws, 0, 1000, root.child("bootstrap")));
    }
}
