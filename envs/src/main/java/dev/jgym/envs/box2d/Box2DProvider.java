package dev.jgym.envs.box2d;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;
import java.util.Map;

/** Registers the Box2D family with Gymnasium's ids, time limits and reward thresholds. */
public final class Box2DProvider implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(LunarLander.ID, LunarLander::fromOptions).maxEpisodeSteps(1000).rewardThreshold(200.0)
                        .actionNames("do nothing", "fire left engine", "fire main engine", "fire right engine")
                        .keys(KeyControls.realTime(50, 0, "Left", 1, "Up", 2, "Right", 3))
                        .description("land a rocket between the flags, Box2D physics (Gymnasium LunarLander-v3)").build(),
                EnvSpec.builder(LunarLander.CONTINUOUS_ID, LunarLander::continuousFromOptions).maxEpisodeSteps(1000).rewardThreshold(200.0)
                        .defaultOptions(Map.of("continuous", true))
                        .keys(KeyControls.realTime(50, new float[] {0, 0}, "Up", new float[] {1, 0}, "Left", new float[] {0, -1},
                                "Right", new float[] {0, 1}, "Up+Left", new float[] {1, -1}, "Up+Right", new float[] {1, 1}))
                        .description("LunarLander-v3 with throttled engines: Box(-1, 1, [2]) actions").build(),
                EnvSpec.builder(BipedalWalker.ID, BipedalWalker::fromOptions).maxEpisodeSteps(1600).rewardThreshold(300.0)
                        .description("walk a four-joint robot over rough ground, Box2D physics (Gymnasium BipedalWalker-v3)").build(),
                EnvSpec.builder(BipedalWalker.HARDCORE_ID, BipedalWalker::hardcoreFromOptions).maxEpisodeSteps(2000).rewardThreshold(300.0)
                        .defaultOptions(Map.of("hardcore", true))
                        .description("BipedalWalker-v3 with stumps, stairs and pits").build());
    }
}
