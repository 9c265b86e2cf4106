package dev.jgym.nn.testing;

import dev.jgym.core.testing.Prerequisites;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.data.Mnist;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The rule of issue 26: a missing prerequisite skips a test, except under CI=true, where it fails it. */
class PrerequisitesTest {
    static final Map<String, String> LOCAL = Map.of(), CI = Map.of("CI", "true");

    @Test
    @DisplayName("MNIST not in an empty cache folder: skipped with the fetch command outside CI, a failure naming it under CI=true")
    void missingMnistSkipsOutsideCiAndFailsUnderCi(@TempDir Path empty) {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> TestData.requirePresent("mnist", "MNIST", empty, Mnist::present, LOCAL));
        assertTrue(skipped.getMessage().contains("MNIST is not in " + empty), skipped.getMessage());
        assertTrue(skipped.getMessage().contains("scripts/fetch-data.sh mnist " + empty), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> TestData.requirePresent("mnist", "MNIST", empty, Mnist::present, CI));
        assertTrue(failed.getMessage().startsWith("CI=true"), failed.getMessage());
        assertTrue(failed.getMessage().contains("scripts/fetch-data.sh mnist " + empty), failed.getMessage());
    }

    @Test
    @DisplayName("a prerequisite that is present neither skips nor fails; only CI=true counts as CI")
    void presentPasses() {
        assertDoesNotThrow(() -> Prerequisites.require(true, "nothing", CI));
        assertDoesNotThrow(() -> Prerequisites.require(true, "nothing", LOCAL));
        assertTrue(Prerequisites.ci(CI));
        assertFalse(Prerequisites.ci(LOCAL));
        assertFalse(Prerequisites.ci(Map.of("CI", "false")));
    }
}
