package dev.jgym.agents.linear;

import dev.jgym.core.sim.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * One episode as the off-line learners need it: x(S_t) and R_{t+1} for t = 0..T−1, and the
 * features of S_T when the episode was cut by a time limit (then it is bootstrapped from v̂(S_T)).
 */
final class EpisodeBuffer {
    private final Features features;
    final List<FeatureVector> x = new ArrayList<>();
    final List<Double> rewards = new ArrayList<>();
    /** x(S_T) of a truncated episode, else null (a terminal S_T is worth 0). */
    FeatureVector last;

    EpisodeBuffer(Features features) {
        this.features = features;
    }

    void clear() {
        x.clear();
        rewards.clear();
        last = null;
    }

    /** Records a step; true once the episode has ended. */
    boolean add(Transition<Object, Integer> t) {
        FeatureVector v = new FeatureVector(features.active());
        features.encode(t.state(), v);
        x.add(v);
        rewards.add(t.reward());
        if (t.truncated() && !t.terminated()) {
            last = new FeatureVector(features.active());
            features.encode(t.next(), last);
        }
        return t.done();
    }

    int length() {
        return x.size();
    }

    /** v̂(S_T, w): 0 for a terminal state. */
    double tail(double[] w) {
        return last == null ? 0 : last.dot(w);
    }

    /** The off-line updates: w ← w + α [target_t − v̂(S_t, w)] x(S_t), t = 0, ..., T − 1 in order. */
    void moveToward(double[] targets, double[] w, double alpha) {
        for (int k = 0; k < x.size(); k++) {
            FeatureVector v = x.get(k);
            v.addTo(w, alpha * (targets[k] - v.dot(w)));
        }
    }
}
