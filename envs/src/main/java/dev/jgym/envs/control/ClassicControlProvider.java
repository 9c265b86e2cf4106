package dev.jgym.envs.control;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import java.util.List;

/** Registers the classic-control family with Gymnasium's ids, time limits and reward thresholds. */
public final class ClassicControlProvider implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        return List.of(
                EnvSpec.builder(CartPole.ID, CartPole::fromOptions).maxEpisodeSteps(500).rewardThreshold(475.0).actionNames("push left", "push right")
                        .keys(KeyControls.turnBased(50, "Left", 0, "Right", 1)) // no no-op: the cart waits while no key is held
                        .description("balance a pole on a cart by pushing it left or right (Gymnasium CartPole-v1)").build(),
                EnvSpec.builder(MountainCar.ID, MountainCar::fromOptions).maxEpisodeSteps(200).rewardThreshold(-110.0).actionNames("accelerate left", "coast", "accelerate right")
                        .keys(KeyControls.realTime(30, 1, "Left", 0, "Right", 2))
                        .description("drive an underpowered car up a hill by rocking it (Gymnasium MountainCar-v0)").build(),
                EnvSpec.builder(MountainCarContinuous.ID, MountainCarContinuous::fromOptions).maxEpisodeSteps(999).rewardThreshold(90.0)
                        .description("reach the hilltop flag with a continuous, fuel-costed force (Gymnasium MountainCarContinuous-v0)").build(),
                EnvSpec.builder(Acrobot.ID, Acrobot::fromOptions).maxEpisodeSteps(500).rewardThreshold(-100.0).actionNames("torque -1", "torque 0", "torque +1")
                        .keys(KeyControls.realTime(15, 1, "Left", 0, "Right", 2))
                        .description("swing a two-link chain's tip above a line, RK4 dynamics (Gymnasium Acrobot-v1)").build(),
                EnvSpec.builder(Pendulum.ID, Pendulum::fromOptions).maxEpisodeSteps(200)
                        .keys(KeyControls.realTime(30, new float[] {0}, "Left", new float[] {-2}, "Right", new float[] {2}))
                        .description("swing a pendulum up and hold it with a bounded torque (Gymnasium Pendulum-v1)").build());
    }
}
