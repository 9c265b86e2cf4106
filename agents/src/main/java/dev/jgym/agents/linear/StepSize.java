package dev.jgym.agents.linear;

import dev.jgym.core.config.Check;
import java.util.List;

/**
 * The step size of a linear learner in episode k = 1, 2, ...:
 * <ul>
 *   <li>{@code constant} (the default): α_k = α, the book's examples of chapters 9 and 12;</li>
 *   <li>{@code harmonic}: α_k = α / k, which meets the conditions (2.7) Σ α_k = ∞, Σ α_k² &lt; ∞,
 *       so the weights settle at the method's fixed point instead of wandering around it (section
 *       2.5; the schedule the widely used reproduction of Figure 9.10 takes, there with α = 1).</li>
 * </ul>
 * A config gives it as {@code "alpha_schedule"} beside {@code "alpha"}.
 */
public record StepSize(double alpha, String schedule) {
    public static final List<String> SCHEDULES = List.of("constant", "harmonic");

    /** α (checked to lie in (0, 1]) with the named schedule (null: constant). */
    public static StepSize of(double alpha, String schedule) {
        LinearPrediction.checkAlpha(alpha);
        String s = schedule == null ? "constant" : schedule;
        Check.that(SCHEDULES.contains(s), "alpha_schedule", "expected one of " + String.join(", ", SCHEDULES) + ", found \"" + s + "\"");
        return new StepSize(alpha, s);
    }

    /** α_k, the step size of episode k (from 1). */
    public double alpha(long k) {
        return schedule.equals("harmonic") ? alpha / k : alpha;
    }
}
