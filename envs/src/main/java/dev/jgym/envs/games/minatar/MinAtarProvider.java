package dev.jgym.envs.games.minatar;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;

/**
 * The MinAtar-style games. Each has a 10,000-frame time limit, so a perfect player still ends
 * (MinAtar's Breakout, Asterix and Space Invaders have none); no reward threshold (MinAtar defines none).
 */
public final class MinAtarProvider implements EnvProvider {
    /** The time limit of every MinAtar-style game, in frames. */
    public static final int MAX_FRAMES = 10_000;
    /** Frames per second when a person plays (MinAtar names no rate; 10 keeps the games playable). */
    static final int FPS = 10;

    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(Breakout.ID, Breakout::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .actionNames("no-op", "left", "right").keys(KeyControls.realTime(FPS, 0, "Left", 1, "Right", 2))
                        .description("MinAtar Breakout: paddle, ball, 3 rows of bricks; 10x10x4 channels, sticky actions").build(),
                EnvSpec.builder(Freeway.ID, Freeway::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .actionNames("no-op", "up", "down").keys(KeyControls.realTime(FPS, 0, "Up", 1, "Down", 2))
                        .description("MinAtar Freeway: cross 8 lanes of traffic for 2500 frames; 10x10x7 channels").build(),
                EnvSpec.builder(Asterix.ID, Asterix::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .actionNames("no-op", "left", "up", "right", "down").keys(KeyControls.realTime(FPS, 0, "Left", 1, "Up", 2, "Right", 3, "Down", 4))
                        .description("MinAtar Asterix: collect treasure, dodge enemies; spawns speed up; 10x10x4 channels").build(),
                EnvSpec.builder(SpaceInvaders.ID, SpaceInvaders::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .actionNames("no-op", "left", "right", "fire").keys(KeyControls.realTime(FPS, 0, "Left", 1, "Right", 2, "Space", 3))
                        .description("MinAtar Space Invaders: shoot waves of aliens that speed up; 10x10x6 channels").build());
    }
}
