package dev.jgym.agents.dqn;

import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;

/** Builds the learner a config asks for: the one place that names the implementations. */
public final class Learners {
    private Learners() {}

    /** What an adversarial-imitation run adds: its settings, the expert pairs and the discriminator's stream. */
    public record Imitation(ImitationSettings settings, ExpertDemonstrations expert, Rng rng) {}

    /**
     * The recurrent {@link DrqnLearner} when the settings have a {@code recurrent} block, else the
     * feed-forward {@link DqnLearner} reading observations through {@code view} (its encoder and
     * compact replay); with {@code imitation}, the feed-forward learner's rewards come from a
     * discriminator over its own replay (validation refuses imitation with a recurrent core).
     */
    public static Learner create(DqnConfig.DqnSettings s, Backend backend, ObservationView view, int actions, Rng seed, String source, Imitation imitation) {
        if (s.recurrent() != null) return new DrqnLearner(s, backend, view.size(), actions, seed);
        DqnLearner learner = new DqnLearner(s, backend, view, actions, seed, source);
        if (imitation != null) {
            learner.imitation = new AdversarialImitation(imitation.settings(), imitation.expert(), learner.buffer(), actions, backend, imitation.rng());
        }
        return learner;
    }

    /** A learner of plain float observations of {@code obsDim} values (tests, benchmarks). */
    public static Learner create(DqnConfig.DqnSettings s, Backend backend, int obsDim, int actions, Rng seed) {
        return s.recurrent() == null ? new DqnLearner(s, backend, obsDim, actions, seed) : new DrqnLearner(s, backend, obsDim, actions, seed);
    }
}
