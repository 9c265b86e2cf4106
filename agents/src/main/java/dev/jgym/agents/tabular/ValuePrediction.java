package dev.jgym.agents.tabular;

import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import java.nio.file.Path;

/**
 * What every prediction agent shares: it follows the uniformly random policy of its
 * {@link ValueTable} and estimates that policy's V there; subclasses only say how an episode's
 * steps update V ({@link #observe}).
 */
public abstract class ValuePrediction implements Agent<Object, Integer>, ValueEstimates {
    protected final ValueTable table;

    protected ValuePrediction(ValueTable table) {
        this.table = table;
    }

    @Override
    public Integer act(Object observation) {
        return table.randomAction();
    }

    @Override
    public void onEpisodeStart(Object observation) {
        table.episodeStarted();
    }

    /** V(observation), the current estimate. */
    public double value(Object observation) {
        return table.v[table.index(observation)];
    }

    @Override
    public StateIndex states() {
        return table.states();
    }

    @Override
    public double stateValue(int row) {
        return table.v[row];
    }

    /** A copy of V, by row. */
    public double[] values() {
        return table.v.clone();
    }

    @Override
    public Annotations annotations() {
        return table.annotations();
    }

    @Override
    public void save(Path file) {
        table.save(file);
    }

    @Override
    public void load(Path file) {
        table.load(file);
    }
}
