package dev.jgym.envs.grid;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;
import java.util.Map;

/**
 * The grid runners, registered by id (listed in {@code META-INF/services/dev.jgym.core.env.EnvProvider}).
 * Limits and thresholds are Gymnasium's where it has the env.
 */
public final class GridEnvs implements EnvProvider {
    /** Arrow keys for the grids whose actions are 0 up, 1 right, 2 down, 3 left (Gymnasium's CliffWalking order, S&B's grids, the mazes). */
    static final KeyControls UP_RIGHT_DOWN_LEFT = KeyControls.turnBased(4, "Up", 0, "Right", 1, "Down", 2, "Left", 3);
    /** With king's moves: the diagonals are two arrows held together. */
    static final KeyControls KINGS = KeyControls.turnBased(4, "Up", 0, "Right", 1, "Down", 2, "Left", 3,
            "Up+Right", 4, "Down+Right", 5, "Down+Left", 6, "Up+Left", 7);
    /** FrozenLake's order: 0 left, 1 down, 2 right, 3 up. */
    static final KeyControls LAKE = KeyControls.turnBased(4, "Left", 0, "Down", 1, "Right", 2, "Up", 3);
    /** Taxi's: 0 south, 1 north, 2 east, 3 west, 4 pick up (P), 5 drop off (D). */
    static final KeyControls TAXI = KeyControls.turnBased(4, "Down", 0, "Up", 1, "Right", 2, "Left", 3, "P", 4, "D", 5);

    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(FrozenLake.ID, o -> FrozenLake.fromOptions(FrozenLake.ID, o))
                        .maxEpisodeSteps(100).rewardThreshold(0.70).defaultOptions(Map.of("map_name", "4x4"))
                        .actionNames("left", "down", "right", "up").keys(LAKE)
                        .description("FrozenLake 4x4 (Gymnasium): reach G across slippery ice without falling into a hole").build(),
                EnvSpec.builder(FrozenLake.ID_8X8, o -> FrozenLake.fromOptions(FrozenLake.ID_8X8, o))
                        .maxEpisodeSteps(200).rewardThreshold(0.85).defaultOptions(Map.of("map_name", "8x8"))
                        .actionNames("left", "down", "right", "up").keys(LAKE)
                        .description("FrozenLake 8x8 (Gymnasium)").build(),
                EnvSpec.builder(CliffWalking.ID, o -> CliffWalking.fromOptions(CliffWalking.ID, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("CliffWalking 4x12 (S&B Example 6.6, Gymnasium v1): -100 and back to start for the cliff").build(),
                EnvSpec.builder(CliffWalking.ID_SLIPPERY, o -> CliffWalking.fromOptions(CliffWalking.ID_SLIPPERY, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .defaultOptions(Map.of("is_slippery", true))
                        .description("CliffWalking with slippery moves (Gymnasium v1)").build(),
                EnvSpec.builder(WindyGridworld.ID, o -> WindyGridworld.fromOptions(WindyGridworld.ID, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("Windy Gridworld 7x10 (S&B Example 6.5), four moves").build(),
                EnvSpec.builder(WindyGridworld.ID_KINGS, o -> WindyGridworld.fromOptions(WindyGridworld.ID_KINGS, o))
                        .actionNames("up", "right", "down", "left", "up-right", "down-right", "down-left", "up-left", "stay").keys(KINGS)
                        .defaultOptions(Map.of("kings", true))
                        .description("Windy Gridworld with king's moves (S&B Exercise 6.9)").build(),
                EnvSpec.builder(WindyGridworld.ID_STOCHASTIC, o -> WindyGridworld.fromOptions(WindyGridworld.ID_STOCHASTIC, o))
                        .actionNames("up", "right", "down", "left", "up-right", "down-right", "down-left", "up-left", "stay").keys(KINGS)
                        .defaultOptions(Map.of("kings", true, "stochastic", true))
                        .description("Windy Gridworld, king's moves and stochastic wind (S&B Exercise 6.10)").build(),
                EnvSpec.builder(Taxi.ID, o -> Taxi.fromOptions(Taxi.ID, o))
                        .maxEpisodeSteps(200).rewardThreshold(8).actionNames("south", "north", "east", "west", "pick up", "drop off").keys(TAXI)
                        .description("Taxi (Dietterich 2000, Gymnasium v4): pick up and deliver a passenger").build(),
                EnvSpec.builder(Taxi.ID_V3, o -> Taxi.fromOptions(Taxi.ID_V3, o))
                        .maxEpisodeSteps(200).rewardThreshold(8).actionNames("south", "north", "east", "west", "pick up", "drop off").keys(TAXI)
                        .description("Taxi under its v3 id (same dry dynamics as v4)").build(),
                EnvSpec.builder(RandomWalk.ID, o -> RandomWalk.fromOptions(RandomWalk.ID, o))
                        .description("random walk A..E (S&B Example 6.2): +1 for leaving on the right, left_reward (0) on the left").build(),
                EnvSpec.builder(RandomWalk1000.ID, RandomWalk1000::fromOptions)
                        .actionNames("left", "right")
                        .description("1000-state random walk (S&B Example 9.1): jumps of 1-100, -1 or +1 for leaving left or right").build(),
                EnvSpec.builder(AccessControl.ID, AccessControl::fromOptions)
                        .actionNames("reject", "accept")
                        .description("access-control queuing (S&B Example 10.2): accept customers paying 1, 2, 4, 8 onto 10 servers; continuing").build(),
                EnvSpec.builder(Baird.ID, Baird::fromOptions)
                        .actionNames("dashed", "solid")
                        .description("Baird's counterexample (S&B Example 11.1): 7 states, dashed to the upper six, solid to the seventh, rewards 0; continuing").build(),
                EnvSpec.builder(Gambler.ID, Gambler::fromOptions)
                        .description("gambler's problem (S&B Example 4.3): stake on coin flips (p_h 0.4) to reach 100").build(),
                EnvSpec.builder(JacksCarRental.ID, JacksCarRental::fromOptions)
                        .maxEpisodeSteps(100).actionNames("move -5", "move -4", "move -3", "move -2", "move -1", "move 0",
                                "move +1", "move +2", "move +3", "move +4", "move +5")
                        .description("Jack's car rental (S&B Example 4.2): move 0-5 cars between two locations overnight ($2 each), rent at $10; continuing, gamma 0.9").build(),
                EnvSpec.builder(Gridworld.ID, Gridworld::fromOptions)
                        .maxEpisodeSteps(100).actionNames("north", "east", "south", "west").keys(UP_RIGHT_DOWN_LEFT)
                        .description("5x5 gridworld (S&B Example 3.5): A -> A' +10, B -> B' +5, -1 off the grid; continuing, gamma 0.9").build(),
                EnvSpec.builder(SmallGridworld.ID, SmallGridworld::fromOptions)
                        .actionNames("north", "east", "south", "west").keys(UP_RIGHT_DOWN_LEFT)
                        .description("4x4 gridworld (S&B Example 4.1): -1 per step until either shaded corner").build(),
                EnvSpec.builder(ShortCorridor.ID, ShortCorridor::fromOptions)
                        .actionNames("left", "right")
                        .description("short corridor with switched actions (S&B Example 13.1): -1 per step, actions reversed in the second cell").build(),
                EnvSpec.builder(OneStateMdp.ID, OneStateMdp::fromOptions)
                        .description("one state, left loops w.p. 0.9 or ends +1, right ends 0 (S&B Example 5.5, infinite variance)").build(),
                EnvSpec.builder(MaximizationBias.ID, MaximizationBias::fromOptions)
                        .description("A: right ends 0, left to B; B: many actions ending with N(-0.1, 1) (S&B Example 6.7, maximization bias)").build(),
                EnvSpec.builder(DynaMaze.ID, o -> DynaMaze.fromOptions(DynaMaze.ID, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("6x9 Dyna maze (S&B Example 8.1): +1 at G, shortest path 14 steps; option resolution k: 6k x 9k (Example 8.4)").build(),
                EnvSpec.builder(DynaMaze.ID_BLOCKING, o -> DynaMaze.fromOptions(DynaMaze.ID_BLOCKING, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("blocking maze (S&B Example 8.2): the short way is walled off after 1000 steps").build(),
                EnvSpec.builder(DynaMaze.ID_SHORTCUT, o -> DynaMaze.fromOptions(DynaMaze.ID_SHORTCUT, o))
                        .actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("shortcut maze (S&B Example 8.3): a shorter way opens after 3000 steps").build(),
                EnvSpec.builder(MazeRunner.ID, MazeRunner::fromOptions).actionNames("up", "right", "down", "left").keys(UP_RIGHT_DOWN_LEFT)
                        .description("seeded perfect mazes, full or local-window observation").build(),
                EnvSpec.builder(TMaze.ID, TMaze::fromOptions).actionNames("north", "east", "south", "west").keys(UP_RIGHT_DOWN_LEFT)
                        .description("T-maze memory task (Bakker 2002): remember the cue to the far junction").build());
    }
}
