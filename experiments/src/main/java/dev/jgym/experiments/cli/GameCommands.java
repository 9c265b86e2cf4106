package dev.jgym.experiments.cli;

import dev.jgym.agents.alphazero.AzPlayer;
import dev.jgym.agents.search.Arena;
import dev.jgym.agents.search.PerfectMoves;
import dev.jgym.agents.search.Players;
import dev.jgym.core.config.UserError;
import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.envs.games.board.connect4.Solver;
import dev.jgym.experiments.run.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgym solve} and {@code jgym arena}: the board games' exact solver and round robins between players. */
final class GameCommands {
    private GameCommands() {}

    @Command(name = "solve", mixinStandardHelpOptions = true,
            description = {"Score every move of a Connect Four position with the exact solver (Pascal Pons' convention):",
                    "0 a draw, positive: the player to move wins (22 minus its stones at the win: larger is sooner), negative: it loses.",
                    "With --rate: how often players pick a perfect move (one the solver scores highest) in random open positions."})
    static final class Solve implements Callable<Integer> {
        private final Main main;

        @Parameters(index = "0", paramLabel = "connect4", description = "the game (connect4)")
        String game;

        @Parameters(index = "1", arity = "0..1", paramLabel = "<moves>", description = "the moves so far as columns 1-7, e.g. 4453 (default: the empty board)")
        String moves = "";

        @Option(names = "--rate", paramLabel = "<player>", description = {"rate a player instead (repeatable): random, minimax:D, mcts:N, uct:N,",
                "az:FILE or az:FILE:N (for az, the network alone too)"})
        List<String> rate = new ArrayList<>();

        @Option(names = "--positions", paramLabel = "N", description = "with --rate: random open positions, 1 to 100000 (default: 1000)")
        int positions = 1000;

        @Option(names = "--plies", paramLabel = "MIN-MAX", description = "with --rate: their lengths, every one equally often (default: 14-32)")
        String plies = "14-32";

        @Option(names = "--seed", paramLabel = "N", description = "with --rate: the positions' seed (default: 1)")
        long seed = 1;

        Solve(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            if (!game.equals("connect4")) throw new UserError("solve: expected the game connect4, found \"" + game + "\"");
            if (!rate.isEmpty()) return rate();
            Solver solver = new Solver();
            int[] scores;
            long start = System.nanoTime();
            try {
                scores = solver.scores(moves);
            } catch (IllegalArgumentException e) {
                throw new UserError("solve: " + e.getMessage());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            StringBuilder cols = new StringBuilder("column");
            StringBuilder vals = new StringBuilder("score ");
            for (int c = 0; c < scores.length; c++) {
                cols.append(String.format(Locale.ROOT, " %4d", c + 1));
                vals.append(scores[c] == Solver.NOT_PLAYABLE ? "    -" : String.format(Locale.ROOT, " %4d", scores[c]));
            }
            main.out.println(cols);
            main.out.println(vals);
            main.err.printf(Locale.ROOT, "jgym: %d positions in %.2f s%n", solver.nodes(), seconds);
            return 0;
        }

        /** {@code --rate}: each player's share of perfect moves (and an az player's network alone) on the same positions. */
        private int rate() {
            if (!moves.isEmpty()) throw new UserError("solve: --rate draws its own positions; give no moves with it (found \"" + moves + "\")");
            Limits.range("--positions", positions, 1, 100_000);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,2})-([0-9]{1,2})").matcher(plies);
            if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2)) || Integer.parseInt(m.group(2)) > 40) {
                throw new UserError("solve: --plies: expected MIN-MAX with 0 <= MIN <= MAX <= 40, found \"" + plies + "\"");
            }
            int lo = Integer.parseInt(m.group(1)), hi = Integer.parseInt(m.group(2));
            List<Player> players = new ArrayList<>();
            for (String spec : rate) players.add(Players.parse(spec, "connect4", "--rate").apply(new Rng(seed).child(spec)));
            long start = System.nanoTime();
            List<PerfectMoves.Scored> scored = PerfectMoves.positions(positions, lo, hi, new Rng(seed));
            int matters = (int) scored.stream().filter(PerfectMoves.Scored::discriminating).count();
            main.out.printf(Locale.ROOT, "%d random open positions of %d-%d plies (seed %d), %d where some move is not perfect; solved in %.1f s%n",
                    positions, lo, hi, seed, matters, (System.nanoTime() - start) / 1e9);
            // an az player's network alone once per model file (az:FILE:100 and az:FILE:800 share it)
            java.util.Set<String> networks = new java.util.HashSet<>();
            String[] model = new String[players.size()]; // az:FILE of an az player whose network is rated alone, else null
            int rows = players.size();
            for (int i = 0; i < players.size(); i++) {
                String file = rate.get(i).replaceFirst(":[0-9]+$", "");
                if (players.get(i) instanceof AzPlayer && networks.add(file)) {
                    model[i] = file;
                    rows++;
                }
            }
            try (ProgressBar bar = new ProgressBar(main.err, "positions", (long) rows * positions, main.terminal)) {
                for (int i = 0; i < players.size(); i++) {
                    Player p = players.get(i);
                    print(rate.get(i), PerfectMoves.rate(scored, g -> {
                        p.onGameStart();
                        return p.act(g);
                    }, () -> bar.advance(1)));
                    if (model[i] != null) print(model[i] + " (network alone)", PerfectMoves.rate(scored, ((AzPlayer) p)::networkMove, () -> bar.advance(1)));
                }
            }
            return 0;
        }

        private void print(String player, PerfectMoves.Rate r) {
            main.out.printf(Locale.ROOT, "%s: perfect in %d of %d (%.1f%%); where some move is not: %d of %d (%.1f%%)%n", player, r.perfect(), r.positions(),
                    100.0 * r.share(), r.perfectWhereItMatters(), r.whereItMatters(), 100.0 * r.perfectWhereItMatters() / Math.max(1, r.whereItMatters()));
        }
    }

    @Command(name = "arena", mixinStandardHelpOptions = true,
            description = {"A round robin between players of a board game, sides alternating, with Elo ratings (95%% bootstrap intervals).",
                    "Players: random, minimax:D (depth D), mcts:N (N playouts, MCTS-Solver), uct:N (plain UCT), solver (Connect Four only),",
                    "az:FILE or az:FILE:N (an AlphaZero checkpoint or model file, N simulations per move)."})
    static final class ArenaCommand implements Callable<Integer> {
        private final Main main;

        @Parameters(index = "0", paramLabel = "<game>", description = "tictactoe or connect4")
        String game;

        @Parameters(index = "1..*", arity = "2..*", paramLabel = "<player>", description = "two or more players")
        List<String> players;

        @Option(names = "--games", paramLabel = "N", description = "games per pair, 1 to 100000 (default: 20)")
        int games = 20;

        @Option(names = "--seed", paramLabel = "N", description = "the tournament's seed (default: 0)")
        long seed;

        ArenaCommand(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            Limits.range("--games", games, 1, 100_000);
            Supplier<TwoPlayerEnv<?>> make = switch (game) {
                case "tictactoe", "tic-tac-toe" -> BoardGame::ticTacToe;
                case "connect4", "connect-four" -> BoardGame::connectFour;
                default -> throw new UserError("arena: expected the game tictactoe or connect4, found \"" + game + "\"");
            };
            List<Arena.Entrant> entrants = new ArrayList<>();
            for (String p : players) entrants.add(new Arena.Entrant(p, Players.parse(p, game.startsWith("connect") ? "connect4" : "tictactoe", "arena")));
            Arena.Result r = Arena.roundRobin(make, entrants, games, seed);
            main.out.print(r.table());
            return 0;
        }

    }
}
