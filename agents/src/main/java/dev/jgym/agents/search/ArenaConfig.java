package dev.jgym.agents.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * A round robin as data: {@code jgym train} takes it for a config with a top-level {@code "arena"}
 * key (what {@code jgym arena} does on the command line, with its outputs kept in a run folder).
 *
 * <pre>{@code
 * {
 *   "name": "mcts-tictactoe",
 *   "seed": 0,
 *   "game": "tictactoe",
 *   "arena": {"players": ["random", "minimax:9", "uct:1000", "mcts:1000"], "games": 20}
 * }
 * }</pre>
 *
 * @param name short name, used in titles and as the default output folder ({@code runs/<name>})
 * @param description free text (optional)
 * @param seed the tournament's seed (see {@link Arena})
 * @param game {@code tictactoe} or {@code connect4}
 * @param arena who plays and how many games
 */
public record ArenaConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) String game,
        @JsonProperty(required = true) ArenaSettings arena) {

    public ArenaConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("game", game);
        Check.that(List.of("tictactoe", "connect4").contains(game), "game", "expected tictactoe or connect4, found \"" + game + "\"");
        Check.present("arena", arena);
    }

    public static ArenaConfig read(Path file) {
        return Json.read(file, ArenaConfig.class);
    }

    /**
     * @param players the fixed players, as {@link Players} names them; the first is the Elo anchor (0)
     * @param models a folder of AlphaZero model snapshots ({@code runs/<name>/models}) whose every
     *     {@code iteration-NNNN.jgc} joins as a player, for ratings over training (optional; relative to the working directory)
     * @param simulations the models' simulations per move (default: their run's)
     * @param games games per pair, sides alternating [20]
     */
    public record ArenaSettings(List<String> players, String models, Integer simulations, Integer games) {
        public ArenaSettings {
            players = players == null ? List.of() : List.copyOf(players);
            Check.that(!players.isEmpty(), "players", "expected at least one player (the anchor)");
            if (simulations != null) Check.size("simulations", simulations, 1_000_000);
            if (games == null) games = 20;
            Check.size("games", games, 100_000);
        }
    }
}
