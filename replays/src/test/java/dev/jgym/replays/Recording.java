package dev.jgym.replays;

import dev.jgym.core.env.Env;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import java.nio.file.Path;

/** Test helpers: a seeded random agent with made-up annotations, and file edits. */
final class Recording {
    private Recording() {}

    /** Uniform random actions from its own stream; annotates a fake value per action. */
    static final class RandomAgent implements Agent<Object, Object> {
        private final Env<Object, Object> env;
        private final Rng rng;
        private long steps;

        RandomAgent(Env<Object, Object> env, long seed) {
            this.env = env;
            this.rng = new Rng(seed);
        }

        @Override
        public Object act(Object observation) {
            return env.actionSpace().sample(rng);
        }

        @Override
        public void observe(Transition<Object, Object> t) {
            steps++;
        }

        @Override
        public Annotations annotations() {
            return new Annotations(java.util.Map.of(Annotations.ACTION_VALUES, new double[] {steps, -steps}),
                    java.util.Map.of("epsilon", 0.5));
        }

        @Override
        public void save(Path file) {}

        @Override
        public void load(Path file) {}
    }

    /** Writes {@code replay} again with the action of one step replaced. */
    static void rewriteWithAction(Replay replay, Path to, int episode, int step, Object action) {
        try (ReplayWriter w = ReplayWriter.create(to, replay.header())) {
            for (ReplayEpisode e : replay.episodes()) {
                w.beginEpisodeRaw(e.index(), e.seed(), e.rngState(), e.initialChecksum());
                for (int i = 0; i < e.length(); i++) {
                    Object a = e.index() == episode && i == step ? action : e.action(i);
                    w.stepRaw(a, e.reward(i), e.terminated(i), e.truncated(i), e.checksum(i), e.annotations(i));
                }
            }
        }
    }
}
