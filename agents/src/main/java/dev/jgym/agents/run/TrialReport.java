package dev.jgym.agents.run;

/**
 * The number a sweep reads from each of its trials: {@code metric} summarised as {@code summary}
 * (the kind says which it knows), for {@code agent} (null: every agent of the config).
 */
public record TrialReport(String metric, String summary, String agent) {}
