package dev.jgym.agents.search;

import dev.jgym.agents.alphazero.AzModel;
import dev.jgym.core.config.UserError;
import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.RandomPlayer;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.MinimaxPlayer;
import dev.jgym.envs.games.board.connect4.Solver;
import dev.jgym.envs.games.board.connect4.SolverPlayer;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The board-game players by name, as {@code jgym arena} and an AlphaZero config's evaluation
 * opponent write them: {@code random}, {@code minimax:D} (depth D, default 2), {@code mcts:N}
 * (MCTS-Solver with N playouts, default 1000), {@code uct:N} (plain UCT), {@code solver}
 * (Connect Four only) and {@code az:FILE} or {@code az:FILE:N} (an AlphaZero checkpoint or model
 * file, with N simulations per move instead of its run's).
 */
public final class Players {
    private Players() {}

    /** A maker of the named player from its own stream; a bad name is a {@link UserError} starting with {@code where}. */
    public static Function<Rng, Player> parse(String spec, String game, String where) {
        String[] parts = spec.split(":", 2);
        String kind = parts[0];
        if (kind.equals("az")) return alphaZero(spec, parts.length == 2 ? parts[1] : "", game, where);
        int n = parts.length == 2 ? number(spec, parts[1], where) : -1;
        return switch (kind) {
            case "random" -> RandomPlayer::new;
            case "minimax" -> rng -> new MinimaxPlayer(n < 0 ? 2 : n, rng);
            case "mcts" -> rng -> new Mcts(Mcts.Settings.of(n < 0 ? 1000 : n), rng);
            case "uct" -> rng -> new Mcts(Mcts.Settings.plain(n < 0 ? 1000 : n), rng);
            case "solver" -> {
                if (!game.equals("connect4")) throw new UserError(where + ": the solver plays Connect Four only");
                yield rng -> new SolverPlayer(new Solver(), rng);
            }
            default -> throw new UserError(where + ": unknown player \"" + spec + "\" (expected random, minimax:D, mcts:N, uct:N, solver or az:FILE)");
        };
    }

    private static Function<Rng, Player> alphaZero(String spec, String rest, String game, String where) {
        int simulations = -1;
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && rest.substring(colon + 1).matches("[0-9]+")) {
            simulations = number(spec, rest.substring(colon + 1), where);
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) throw new UserError(where + ": player \"" + spec + "\": expected az:FILE or az:FILE:N");
        AzModel model;
        try {
            model = AzModel.load(Path.of(rest));
        } catch (UserError e) {
            throw e.in(where);
        }
        if (!model.game().equals(game)) throw new UserError(where + ": " + rest + " plays " + model.game() + ", not " + game);
        int sims = simulations;
        return rng -> model.player(sims, spec);
    }

    private static int number(String spec, String digits, String where) {
        try {
            int v = Integer.parseInt(digits);
            if (v >= 1 && v <= 1_000_000) return v;
        } catch (NumberFormatException e) {
            // below
        }
        throw new UserError(where + ": player \"" + spec + "\": expected a whole number in [1, 1000000] after the colon, found \"" + digits + "\"");
    }
}
