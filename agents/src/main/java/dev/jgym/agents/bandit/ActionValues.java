package dev.jgym.agents.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Action-value estimates Q(a) with pull counts N(a) (Sutton &amp; Barto, 2nd ed., eq. 2.3 and
 * 2.5): after reward R for arm A, {@code N(A) += 1; Q(A) += step (R - Q(A))} with step = 1/N(A)
 * (sample averages) or a constant alpha. Shared by the strategies that act on Q and N (ε-greedy,
 * UCB), which also save and load them the same way: JSON {type, steps, estimates, counts}.
 */
final class ActionValues {
    /** What {@link #save} writes. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) Long steps,
                 @JsonProperty(required = true) double[] estimates, @JsonProperty(required = true) long[] counts) {
        Saved {
            Check.present("type", type);
            Check.present("steps", steps);
            Check.present("estimates", estimates);
            Check.present("counts", counts);
        }
    }

    final double[] q;
    final long[] n;
    private final double alpha; // 0 = sample averages
    long steps;

    /** @param alpha a constant step size, or {@code null} for sample averages */
    ActionValues(int k, double initialValue, Double alpha) {
        this.q = new double[k];
        this.n = new long[k];
        this.alpha = alpha == null ? 0 : alpha;
        Arrays.fill(q, initialValue);
    }

    void update(int a, double reward) {
        n[a]++;
        steps++;
        double step = alpha > 0 ? alpha : 1.0 / n[a];
        q[a] += step * (reward - q[a]);
    }

    /** Writes Q, N and the step count as JSON. The random stream is not saved: it belongs to the run. */
    void save(Path file, String type) {
        Json.write(file, new Saved(type, steps, q.clone(), n.clone()));
    }

    /** Restores what {@link #save} wrote for an agent of {@code type} with as many arms. */
    void load(Path file, String type) {
        Saved saved = Saves.read(file, Saved.class);
        Saves.expectType(file, saved.type(), type);
        Saves.expectArms(file, "estimates", saved.estimates().length, q.length);
        Saves.expectArms(file, "counts", saved.counts().length, q.length);
        Saves.expectNonNegative(file, "steps", saved.steps());
        System.arraycopy(saved.estimates(), 0, q, 0, q.length);
        System.arraycopy(saved.counts(), 0, n, 0, n.length);
        steps = saved.steps();
    }
}
