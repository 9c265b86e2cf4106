package dev.jgym.envs.games;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;
import java.util.Map;

/** Blackjack-v1, registered with Gymnasium's defaults ({@code sab: true, natural: false}, no time limit). */
public final class BlackjackEnvs implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(EnvSpec.builder(Blackjack.ID, Blackjack::fromOptions)
                .defaultOptions(Map.of("sab", true, "natural", false))
                .actionNames("stick", "hit").keys(KeyControls.turnBased(2, "S", 0, "H", 1))
                .description("Blackjack (S&B Example 5.1, Gymnasium v1): stick or hit against a dealer standing on 17").build());
    }
}
