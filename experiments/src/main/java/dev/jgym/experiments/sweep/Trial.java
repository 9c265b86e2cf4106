package dev.jgym.experiments.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One trial: one experiment (the base config with one setting's values and one root seed). Plain
 * data, serialisable, so an engine can ship it to another JVM.
 *
 * @param id stable across runs and machines: the setting's hash and the seed ({@code 3f9a1c07d2-s4});
 *     it names the trial's folder
 * @param index position in the sweep's trial order (settings in file order, seeds inside each)
 * @param setting index of the setting in {@link SweepPlan#settings()}
 * @param seed the experiment's root seed
 * @param configJson the complete experiment config of the trial
 * @param configHash SHA-256 of {@code configJson}: a finished trial whose summary carries another
 *     hash (the base config changed) runs again
 * @param agents labels of the agents whose metric is reported
 */
public record Trial(String id, int index, int setting, long seed, String configJson, String configHash, List<String> agents)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Trial {
        agents = List.copyOf(agents);
    }
}
