package dev.jgym.envs.bandit;

import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;

/** The bandit family's specs: an episode is 1000 pulls unless {@code max_episode_steps} says otherwise. */
public final class BanditEnvs {
    /** Pulls per episode by default. */
    public static final int EPISODE_PULLS = 1000;

    /** Keys 1-9 then 0 pull arms 0-9 (a bandit with more arms is played on its first ten). */
    static final KeyControls ARMS = KeyControls.turnBased(10, "1", 0, "2", 1, "3", 2, "4", 3, "5", 4, "6", 5, "7", 6, "8", 7, "9", 8, "0", 9);

    private BanditEnvs() {}

    public static List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(GaussianBandit.ID, GaussianBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS).keys(ARMS)
                        .description("k-armed testbed (Sutton & Barto 2.3): q*(a) ~ N(0, 1), rewards ~ N(q*(a), 1)")
                        .build(),
                EnvSpec.builder(BernoulliBandit.ID, BernoulliBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS).keys(ARMS)
                        .description("k coins: arm a pays 1 with probability p_a ~ U[0, 1), else 0")
                        .build(),
                EnvSpec.builder(NonstationaryBandit.ID, NonstationaryBandit::fromOptions)
                        .maxEpisodeSteps(EPISODE_PULLS).keys(ARMS)
                        .description("drifting testbed (Sutton & Barto ex. 2.5): q*(a) random walks, stddev 0.01 a step")
                        .build());
    }
}
