package dev.jgym.agents.offpolicy;

import dev.jgym.nn.Param;
import java.util.List;

/**
 * Polyak averaging of target networks (Lillicrap et al., 2016, Algorithm 1's last line):
 * {@code theta' <- tau theta + (1 - tau) theta'}, elementwise, in double, stored as float.
 */
final class Polyak {
    private Polyak() {}

    static void average(List<Param> online, List<Param> target, double tau) {
        for (int p = 0; p < online.size(); p++) {
            float[] v = online.get(p).value().data(), t = target.get(p).value().data();
            for (int k = 0; k < v.length; k++) t[k] = (float) (tau * v[k] + (1 - tau) * t[k]);
        }
    }
}
