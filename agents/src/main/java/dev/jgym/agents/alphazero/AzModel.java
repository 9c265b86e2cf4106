package dev.jgym.agents.alphazero;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.run.CheckpointFile;
import dev.jgym.core.config.UserError;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.nn.Backends;
import java.nio.file.Path;

/** A trained network read back from an AlphaZero checkpoint or model file, to play in an arena. */
public final class AzModel {
    private final String game;
    private final PolicyValueNet net;
    private final Puct.Settings search;

    private AzModel(String game, PolicyValueNet net, Puct.Settings search) {
        this.game = game;
        this.net = net;
        this.search = search;
    }

    /** The game of a config's {@code game} name. */
    public static BoardGame game(String name) {
        return switch (name) {
            case "tictactoe" -> BoardGame.ticTacToe();
            case "connect4" -> BoardGame.connectFour();
            default -> throw new IllegalArgumentException("unknown game " + name);
        };
    }

    /**
     * Builds the network a header describes (weights from {@code init}, to be overwritten by a
     * file's); an encoder that does not fit the board is a {@link UserError} naming {@code source} and {@code path}.
     */
    static PolicyValueNet network(String game, JsonNode encoder, int[] hidden, String activation, dev.jgym.nn.optim.OptimizerConfig optimizer,
                                  dev.jgym.nn.Backend backend, Rng init, String source, String path) {
        BoardGame g = game(game);
        return new PolicyValueNet(backend, encoder, planes(game), g.observationSpace().size(), g.actionSpace().n(), hidden,
                activation, optimizer, init, source, path);
    }

    /** What a network's encoder reads of a game's board: two planes, {@code {2, rows, cols}}. */
    static int[] planes(String game) {
        int[] shape = game(game).observationSpace().shape(); // rows, cols, 2 (the observation is cell by cell)
        return new int[] {2, shape[0], shape[1]};
    }

    public static AzModel load(Path file) {
        CheckpointFile f = AzCheckpoint.read(file);
        JsonNode h = f.header();
        String game = h.path("game").asText();
        if (!AzConfig.GAMES.contains(game)) throw new UserError("checkpoint " + file + ": unknown game \"" + game + "\"");
        JsonNode hidden = h.path("hidden");
        int[] widths = new int[hidden.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = hidden.get(i).asInt();
        JsonNode encoder = h.hasNonNull("encoder") ? h.get("encoder") : null;
        PolicyValueNet net = network(game, encoder, widths, h.path("activation").asText(), null,
                Backends.create("cpu", 1, Backends.Use.CPU_ONLY, "AlphaZero"), new Rng(0), "checkpoint " + file, "header.encoder");
        f.restore(net::readParams);
        return new AzModel(game, net, new Puct.Settings(h.path("simulations").asInt(), h.path("c_puct").asDouble(), 1, 0, h.path("solver").asBoolean(false)));
    }

    public String game() {
        return game;
    }

    /** A player searching with {@code simulations} per move (the run's when not positive). */
    public AzPlayer player(int simulations, String name) {
        Puct.Settings s = simulations > 0 ? new Puct.Settings(simulations, search.cPuct(), 1, 0, search.solver()) : search;
        return new AzPlayer(net, s, name);
    }
}
