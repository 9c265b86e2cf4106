package dev.jgym.agents.dqn;

import dev.jgym.agents.experiment.SupervisedConfig;
import dev.jgym.nn.Param;
import dev.jgym.nn.optim.Optimizer;
import java.util.List;

/** Opens the DQN learners' optimizer factory to tests in other packages. */
public final class DqnLearnerAccess {
    private DqnLearnerAccess() {}

    public static Optimizer optimizer(SupervisedConfig.OptimizerConfig o, List<Param> ps) {
        return DqnLearner.optimizer(o, ps);
    }
}
