package dev.jgym.envs.box2d;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import java.util.List;
import java.util.Map;

/** Registers the Box2D family with Gymnasium's ids, time limits and reward thresholds. */
public final class Box2DProvider implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(LunarLander.ID, LunarLander::fromOptions).maxEpisodeSteps(1000).rewardThreshold(200.0)
                        .description("land a rocket between the flags, Box2D physics (Gymnasium LunarLander-v3)").build(),
                EnvSpec.builder(LunarLander.CONTINUOUS_ID, LunarLander::continuousFromOptions).maxEpisodeSteps(1000).rewardThreshold(200.0)
                        .defaultOptions(Map.of("continuous", true))
                        .description("LunarLander-v3 with throttled engines: Box(-1, 1, [2]) actions").build());
    }
}
