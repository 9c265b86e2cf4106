package dev.jgym.envs.bandit;

import dev.jgym.core.env.EnvSpec;
import java.util.List;

/** The bandit family's specs: an episode is 1000 pulls unless {@code max_episode_steps} says otherwise. */
public final class BanditEnvs {
    /** Pulls per episode by default. */
    public static final int EPISODE_PULLS = 1000;

    private BanditEnvs() {}

    public static List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(GaussianBandit.ID, GaussianBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS)
                        .description("k-armed testbed (Sutton & Barto 2.3): q*(a) ~ N(0, 1), rewards ~ N(q*(a), 1)")
                        .build(),
                EnvSpec.builder(BernoulliBandit.ID, BernoulliBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS)
                        .description("k coins: arm a pays 1 with probability p_a ~ U[0, 1), else 0")
                        .build(),
                EnvSpec.builder(NonstationaryBandit.ID, NonstationaryBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS)
                        .description("drifting testbed (Sutton & Barto ex. 2.5): q*(a) random walks, stddev 0.01 a step")
                        .build());
    }
}
