/**
 * Running any experiment kind: {@link dev.jgym.experiments.run.ExperimentKinds} (which kind a
 * config names), {@link dev.jgym.experiments.run.RunFolder} (a folder that never loses or mixes
 * work), {@link dev.jgym.experiments.run.Runner} ({@code jgym train} for every kind, signals
 * included) and the progress bar.
 */
package dev.jgym.experiments.run;
