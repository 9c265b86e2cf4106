/**
 * The Spark engine for sweeps ({@code jgym sweep --engine spark}): trials as Spark tasks,
 * embedded {@code local[*]} or on a cluster. The only module that loads Spark.
 */
package dev.jgym.sweeps;
