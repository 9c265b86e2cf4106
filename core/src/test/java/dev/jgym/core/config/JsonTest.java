package dev.jgym.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict mapper's one-line messages for settings records, and atomic writes. */
class JsonTest {
    @TempDir
    Path dir;

    /** Settings as an agent would declare them, validated in the compact constructor. */
    public record Settings(double alpha, int episodes, boolean decay, String name, Mode mode, List<Integer> hidden) {
        public Settings {
            Check.inRange("alpha", alpha, 0, 1);
            Check.positive("episodes", episodes);
        }
    }

    public enum Mode { FAST, SLOW }

    private static String bindError(Map<String, ?> options) {
        UserError e = assertThrows(UserError.class, () -> Json.bind(options, Settings.class, "options of Test-v0"));
        return e.getMessage();
    }

    private static Map<String, Object> good() {
        return new java.util.HashMap<>(Map.of("alpha", 0.5, "episodes", 10, "decay", true, "name", "x", "mode", "FAST",
                "hidden", List.of(64, 64)));
    }

    private static Map<String, Object> goodWith(String key, Object value) {
        Map<String, Object> m = good();
        m.put(key, value);
        return m;
    }

    @Test
    @DisplayName("a good map binds")
    void bindsGoodOptions() {
        Settings s = Json.bind(good(), Settings.class, "options of Test-v0");
        assertEquals(new Settings(0.5, 10, true, "x", Mode.FAST, List.of(64, 64)), s);
    }

    @Test
    @DisplayName("Check failures name the field: $.alpha: expected a number in [0, 1], found 1.5")
    void checkFailuresNameTheField() {
        assertEquals("options of Test-v0: $.alpha: expected a number in [0, 1], found 1.5", bindError(goodWith("alpha", 1.5)));
        assertEquals("options of Test-v0: $.episodes: expected a positive integer, found 0", bindError(goodWith("episodes", 0)));
    }

    @Test
    @DisplayName("no scalar coercion: strings, booleans and fractions are not numbers, numbers and booleans not strings")
    void noCoercion() {
        assertEquals("options of Test-v0: $.alpha: expected a number, found \"0.5\"", bindError(goodWith("alpha", "0.5")));
        assertEquals("options of Test-v0: $.episodes: expected an integer, found 2.5", bindError(goodWith("episodes", 2.5)));
        assertEquals("options of Test-v0: $.episodes: expected an integer, found a boolean", bindError(goodWith("episodes", true)));
        assertEquals("options of Test-v0: $.decay: expected true or false, found 1", bindError(goodWith("decay", 1)));
        assertEquals("options of Test-v0: $.decay: expected true or false, found \"yes\"", bindError(goodWith("decay", "yes")));
        assertEquals("options of Test-v0: $.name: expected a string, found 5", bindError(goodWith("name", 5)));
        assertEquals("options of Test-v0: $.name: expected a string, found true", bindError(goodWith("name", true)));
    }

    @Test
    @DisplayName("paths reach into arrays; enums list their values; unknown keys list the known ones")
    void pathsEnumsUnknownKeys() {
        assertEquals("options of Test-v0: $.hidden[1]: expected an integer, found \"64x\"", bindError(goodWith("hidden", List.of(64, "64x"))));
        assertEquals("options of Test-v0: $.mode: expected one of FAST, SLOW, found \"MEDIUM\"", bindError(goodWith("mode", "MEDIUM")));
        assertEquals("options of Test-v0: $: unknown key \"alpah\" (expected one of: alpha, decay, episodes, hidden, mode, name)",
                bindError(goodWith("alpah", 0.1)));
    }

    @Test
    @DisplayName("an empty file and trailing tokens are errors")
    void emptyAndTrailing() throws IOException {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "  \n");
        assertEquals(empty + ": empty file, expected a JSON object", assertThrows(UserError.class, () -> Json.readTree(empty)).getMessage());
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, "{\"a\": 1} {\"b\": 2}");
        UserError e = assertThrows(UserError.class, () -> Json.read(trailing, Map.class));
        assertEquals(true, e.getMessage().startsWith(trailing + ": "), e.getMessage());
    }

    @Test
    @DisplayName("writeAtomically writes, replaces, creates folders, and leaves no temporary file behind")
    void writeAtomically() throws IOException {
        Path file = dir.resolve("sub/folder/state.json");
        Json.writeAtomically(file, "first".getBytes(StandardCharsets.UTF_8));
        assertEquals("first", Files.readString(file));
        Json.writeAtomically(file, "second, longer".getBytes(StandardCharsets.UTF_8));
        assertEquals("second, longer", Files.readString(file));
        Json.write(file, Map.of("k", 1));
        assertEquals(Map.of("k", 1), Json.read(file, Map.class));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "only the target is left in the folder");
        }
    }

    @Test
    @DisplayName("a failed write leaves the old file intact (the target is a folder here, so the rename fails)")
    void failedWriteKeepsOldFile() throws IOException {
        Path folder = dir.resolve("target");
        Files.createDirectories(folder.resolve("inside"));
        Files.writeString(folder.resolve("inside/keep.txt"), "old");
        assertThrows(java.io.UncheckedIOException.class, () -> Json.writeAtomically(folder, new byte[] {1, 2, 3}));
        assertEquals("old", Files.readString(folder.resolve("inside/keep.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList(), "no temporary file left after a failure");
        }
    }
}
