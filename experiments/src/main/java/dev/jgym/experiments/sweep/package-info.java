/**
 * Sweeps of seeds x settings: the sweep config, its plan of trials (JSON paths into a base
 * config), the local thread-pool engine, the table and the plot; {@code sweeps} adds the Spark
 * engine.
 */
package dev.jgym.experiments.sweep;
