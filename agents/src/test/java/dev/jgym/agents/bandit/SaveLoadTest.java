package dev.jgym.agents.bandit;

import static dev.jgym.agents.bandit.BanditAgentTesting.create;
import static dev.jgym.agents.bandit.BanditAgentTesting.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a strategy learned survives save and load; a wrong file is a one-line UserError. */
class SaveLoadTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            epsilon-greedy    | {"epsilon": 0.1}
            epsilon-greedy    | {"epsilon": 0.2, "alpha": 0.1, "initial_value": 2}
            ucb               | {}
            gradient          | {"alpha": 0.1}
            thompson-beta     | {}
            thompson-gaussian | {"reward_variance": 0.25}
            """)
    void roundTripRestoresFutureActions(String type, String settings, @TempDir Path dir) throws IOException {
        Env<Integer, Integer> env = EnvRegistry.make("BernoulliBandit-v0", Map.of("max_episode_steps", 0));
        env.reset(5L);
        Rng rng = new Rng(99);
        Agent<Integer, Integer> trained = create(type, settings, 10, rng);
        for (int i = 0; i < 300; i++) step(env, trained, null);
        Path file = dir.resolve("agent.json");
        trained.save(file);

        // a fresh agent whose stream is where the trained one's is: the stream belongs to the run, not to the file
        Agent<Integer, Integer> loaded = create(type, settings, 10, rng.copy());
        loaded.load(file);
        assertArrayEquals(values(trained), values(loaded), 0.0, "estimates restored exactly");
        for (int i = 0; i < 300; i++) step(env, trained, loaded);
    }

    /** One pull by {@code agent}; {@code twin}, when given, must choose the same arm and learns the same. */
    private static void step(Env<Integer, Integer> env, Agent<Integer, Integer> agent, Agent<Integer, Integer> twin) {
        Integer a = agent.act(0);
        if (twin != null) assertEquals(a, twin.act(0));
        Step<Integer> s = env.step(a);
        Transition<Integer, Integer> t = new Transition<>(0, a, s.reward(), 0, false, false, s.info());
        agent.observe(t);
        if (twin != null) twin.observe(t);
    }

    @Test
    void wrongFilesAreUserErrors(@TempDir Path dir) throws IOException {
        Path greedyFile = dir.resolve("greedy.json");
        create("epsilon-greedy", "{\"epsilon\": 0}", 3, 1).save(greedyFile);

        UserError e = assertThrows(UserError.class, () -> create("ucb", "{}", 3, 1).load(greedyFile));
        assertEquals(greedyFile + ": $.type: expected \"ucb\" (a file saved by that agent type), found \"epsilon-greedy\"", e.getMessage());

        e = assertThrows(UserError.class, () -> create("epsilon-greedy", "{\"epsilon\": 0}", 5, 1).load(greedyFile));
        assertEquals(greedyFile + ": $.estimates: expected 5 values (one per arm), found 3", e.getMessage());

        e = assertThrows(UserError.class, () -> create("gradient", "{\"alpha\": 0.1}", 3, 1).load(greedyFile));
        assertEquals(greedyFile + ": $.preferences: missing (required)", e.getMessage());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"type\": \"ucb\", \"steps\": 3");
        e = assertThrows(UserError.class, () -> create("ucb", "{}", 3, 1).load(broken));
        assertTrue(e.getMessage().startsWith(broken + ": not valid JSON"), e.getMessage());

        Path missing = dir.resolve("nothing.json");
        e = assertThrows(UserError.class, () -> create("thompson-beta", "{}", 3, 1).load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
