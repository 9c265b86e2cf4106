/**
 * The experiment-kind contract: {@link dev.jgym.agents.run.ExperimentKind} (one way a config
 * becomes a run, registered through {@code ServiceLoader}), {@link dev.jgym.agents.run.Run} and
 * its outcome, {@link dev.jgym.agents.run.RunOptions}, {@link dev.jgym.agents.run.Progress},
 * {@link dev.jgym.agents.run.StopSignal} and {@link dev.jgym.agents.run.RunFailure}; {@link
 * dev.jgym.agents.run.Charts} writes a run's PNG curves. The runner and the command line that
 * drive it live in the {@code experiments} module.
 */
package dev.jgym.agents.run;
