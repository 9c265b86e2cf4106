package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state-value table V (one value per row of a {@link StateIndex}) and the uniformly random
 * policy that the prediction agents evaluate (Example 6.2's walk is random because its policy is).
 * Saved like the Q-tables, as the table {@code v}.
 */
public final class ValueTable {
    private final String type;
    private final StateIndex states;
    private final int nA;
    private final int actionStart;
    private final Rng rng;
    /** V(s) at {@code v[s]}. */
    public final double[] v;
    private long episodes;

    public ValueTable(String type, AgentContext context, double initialValue) {
        this.type = type;
        this.states = StateIndex.of(context.observationSpace(), type);
        Discrete actions = context.discreteActions();
        this.nA = actions.n();
        this.actionStart = actions.start();
        this.rng = context.rng();
        this.v = new double[states.size()];
        Arrays.fill(v, initialValue);
    }

    /** A uniformly random action from the agent's stream. */
    public Integer randomAction() {
        return actionStart + rng.nextInt(nA);
    }

    public int index(Object observation) {
        return states.index(observation);
    }

    public StateIndex states() {
        return states;
    }

    public void episodeStarted() {
        episodes++;
    }

    public Annotations annotations() {
        return Annotations.vector("state_values", v.clone());
    }

    public void save(Path file) {
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("v", v);
        TableFile.write(file, type, states, nA, episodes, t, Map.of("v", 1));
    }

    public void load(Path file) {
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("v", v);
        episodes = TableFile.read(file, type, states, nA, t, Map.of("v", 1));
    }
}
