package dev.jgym.agents.dqn;

import dev.jgym.nn.optim.OptimizerConfig;
import dev.jgym.experiments.SupervisedConfig;
import dev.jgym.nn.Param;
import dev.jgym.nn.optim.Optimizer;
import java.util.List;

/** Opens the DQN learners' optimizer factory to tests in other packages. */
public final class DqnLearnerAccess {
    private DqnLearnerAccess() {}

    public static Optimizer optimizer(OptimizerConfig o, List<Param> ps) {
        return DqnLearner.optimizer(o, ps);
    }
}
