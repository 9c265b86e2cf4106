package dev.jgym.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered env keeps the Env contract (Gymnasium's check_env), so a new env is checked without a new test. */
class EnvCheckerTest {

    static List<String> ids() {
        return EnvRegistry.ids();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("EnvChecker finds no problem")
    void passesTheChecker(String id) {
        assertEquals(List.of(), EnvChecker.check(id), id);
    }

    @Test
    @DisplayName("the module's provider registers the bandits")
    void providerIsFound() {
        assertFalse(ids().isEmpty());
        for (String id : List.of("GaussianBandit-v0", "BernoulliBandit-v0", "NonstationaryBandit-v0")) {
            assertEquals(id, EnvRegistry.spec(id).id());
            assertEquals(1000, EnvRegistry.spec(id).maxEpisodeSteps(), id + ": an episode is 1000 pulls");
        }
    }
}
