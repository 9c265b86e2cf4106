package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentProvider;
import dev.jgym.agents.AgentType;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import java.nio.file.Path;
import java.util.List;

/**
 * A test-only agent type, {@code test-failing}: pulls arm 0, and throws on its third action when
 * {@code fail} is true. Validation builds agents but never asks them to act, so the failure only
 * shows while a trial runs: what a sweep must record without stopping.
 */
final class FailingAgent implements Agent<Integer, Integer> {
    record Settings(@JsonProperty("fail") Boolean fail) {
        Settings {
            fail = fail != null && fail;
        }
    }

    public static final class Provider implements AgentProvider {
        @Override
        public List<AgentType<?>> types() {
            return List.of(new AgentType<>("test-failing", "test only: fails on its third action when told to",
                    Settings.class, (s, context) -> new FailingAgent(s.fail())));
        }
    }

    private final boolean fail;
    private int acts;

    FailingAgent(boolean fail) {
        this.fail = fail;
    }

    @Override
    public Integer act(Integer observation) {
        if (fail && ++acts == 3) throw new IllegalStateException("deliberate failure on the third action");
        return 0;
    }

    @Override
    public void observe(Transition<Integer, Integer> transition) {}

    @Override
    public void save(Path file) {}

    @Override
    public void load(Path file) {}
}
