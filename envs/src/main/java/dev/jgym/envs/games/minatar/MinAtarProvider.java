package dev.jgym.envs.games.minatar;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import java.util.List;

/**
 * The MinAtar-style games. Each has a 10,000-frame time limit, so a perfect player still ends
 * (MinAtar's Breakout, Asterix and Space Invaders have none); no reward threshold (MinAtar defines none).
 */
public final class MinAtarProvider implements EnvProvider {
    /** The time limit of every MinAtar-style game, in frames. */
    public static final int MAX_FRAMES = 10_000;

    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(Breakout.ID, Breakout::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .description("MinAtar Breakout: paddle, ball, 3 rows of bricks; 10x10x4 channels, sticky actions").build(),
                EnvSpec.builder(Freeway.ID, Freeway::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .description("MinAtar Freeway: cross 8 lanes of traffic for 2500 frames; 10x10x7 channels").build(),
                EnvSpec.builder(Asterix.ID, Asterix::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .description("MinAtar Asterix: collect treasure, dodge enemies; spawns speed up; 10x10x4 channels").build(),
                EnvSpec.builder(SpaceInvaders.ID, SpaceInvaders::fromOptions).maxEpisodeSteps(MAX_FRAMES)
                        .description("MinAtar Space Invaders: shoot waves of aliens that speed up; 10x10x6 channels").build());
    }
}
