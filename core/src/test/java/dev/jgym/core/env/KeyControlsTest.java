package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyControlsTest {
    static final KeyControls LANDER = KeyControls.realTime(50, new float[] {0, 0}, "Up", new float[] {1, 0}, "Left", new float[] {0, -1},
            "Right", new float[] {0, 1}, "up+left", new float[] {1, -1});

    @Test
    @DisplayName("the held combination with the most keys wins (Up+Left over Up), a lone key its own action, nothing held: null")
    void longestHeldCombination() {
        assertArrayEquals(new float[] {1, -1}, (float[]) LANDER.action(Set.of("UP", "LEFT")));
        assertArrayEquals(new float[] {1, 0}, (float[]) LANDER.action(Set.of("UP", "DOWN")));
        assertArrayEquals(new float[] {0, 1}, (float[]) LANDER.action(Set.of("RIGHT")));
        assertNull(LANDER.action(Set.of()));
        assertNull(LANDER.action(Set.of("SPACE")));
        assertTrue(LANDER.realTime());
        assertTrue(LANDER.uses("LEFT"));
        assertFalse(LANDER.uses("SPACE"));
        assertEquals(Set.of("UP", "LEFT", "RIGHT", "UP+LEFT"), LANDER.keysToAction().keySet(), "names are upper-cased");
    }

    @Test
    @DisplayName("a turn-based env has no no-op; the help line names each key's action")
    void turnBased() {
        KeyControls k = KeyControls.turnBased(4, "S", 0, "H", 1);
        assertFalse(k.realTime());
        assertEquals("S: stick, H: hit", k.help(a -> (Integer) a == 0 ? "stick" : "hit"));
    }

    @Test
    @DisplayName("unknown keys, a key twice in a combination, a combination mapped twice, fps out of [1, 240] and a real-time env without a no-op are refused")
    void mistakes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyControls.turnBased(4, "Escape", 0)).getMessage().contains("unknown key \"Escape\""));
        assertThrows(IllegalArgumentException.class, () -> KeyControls.turnBased(4, "Up+up", 0));
        assertThrows(IllegalArgumentException.class, () -> KeyControls.turnBased(4, "Up", 0, "UP", 1));
        assertThrows(IllegalArgumentException.class, () -> KeyControls.turnBased(0, "Up", 0));
        assertThrows(IllegalArgumentException.class, () -> KeyControls.realTime(30, null, "Up", 0));
    }
}
