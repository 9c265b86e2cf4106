package dev.jgym.core.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON form of every space, reproducible sampling, and deep equality of values. */
class SpacesTest {
    private static final float INF = Float.POSITIVE_INFINITY;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Space<?>> allSpaces() {
        Map<String, Space<?>> dict = new TreeMap<>();
        dict.put("position", new Box(new float[] {-INF, 0}, new float[] {INF, 1}));
        dict.put("key", new Discrete(2));
        return Stream.of(
                new Discrete(5),
                new Discrete(3, -2),
                Box.uniform(-1.5f, 2.25f, 3),
                Box.uniform(0, 255, 2, 2),
                new Box(new float[] {-INF, 0, 3, -INF}, new float[] {INF, 0.1f, INF, -7}),
                new MultiDiscrete(new int[] {2, 5}, new int[] {0, -3}),
                new MultiBinary(4),
                new MultiBinary(2, 3),
                TupleSpace.of(new Discrete(2), new MultiBinary(2)),
                new DictSpace(dict),
                TupleSpace.of(new DictSpace(dict), TupleSpace.of(new Discrete(4, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSpaces")
    @DisplayName("toJson -> text -> Spaces.fromJson gives an equal space that agrees on contains")
    void jsonRoundTrip(Space<?> space) throws Exception {
        String text = MAPPER.writeValueAsString(space.toJson());
        Space<?> back = Spaces.fromJson(MAPPER.readTree(text));
        assertEquals(space, back, text);
        assertEquals(space.hashCode(), back.hashCode());
        Rng rng = new Rng(1);
        for (int i = 0; i < 50; i++) {
            Object x = space.sample(rng);
            assertTrue(space.contains(x));
            assertTrue(back.contains(x), "the read-back space rejects " + Spaces.format(x));
        }
    }

    @Test
    @DisplayName("infinite Box bounds are written as the strings \"inf\" and \"-inf\" (JSON has no infinity)")
    void infiniteBoundsAsStrings() throws Exception {
        Box box = new Box(new float[] {-INF, 0}, new float[] {INF, 1});
        assertEquals("{\"type\":\"Box\",\"shape\":[2],\"low\":[\"-inf\",0.0],\"high\":[\"inf\",1.0],\"dtype\":\"float32\"}",
                MAPPER.writeValueAsString(box.toJson()));
        Box back = (Box) Spaces.fromJson(MAPPER.readTree("{\"type\":\"Box\",\"shape\":[1],\"low\":[\"-inf\"],\"high\":[\"inf\"]}"));
        assertEquals(Float.NEGATIVE_INFINITY, back.low()[0]);
        assertEquals(INF, back.high()[0]);
    }

    @Test
    @DisplayName("fromJson rejects an unknown type and a bad bound string")
    void fromJsonRejects() throws Exception {
        JsonNode unknown = MAPPER.readTree("{\"type\":\"Graph\"}");
        assertThrows(IllegalArgumentException.class, () -> Spaces.fromJson(unknown));
        JsonNode badBound = MAPPER.readTree("{\"type\":\"Box\",\"shape\":[1],\"low\":[\"infinity\"],\"high\":[1]}");
        assertThrows(IllegalArgumentException.class, () -> Spaces.fromJson(badBound));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSpaces")
    @DisplayName("sampling is reproducible from the same Rng seed, value for value")
    void samplingReproducible(Space<?> space) {
        @SuppressWarnings("unchecked")
        Space<Object> s = (Space<Object>) space;
        Rng a = new Rng(77), b = new Rng(77);
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            xs.add(s.sample(a));
            ys.add(s.sample(b));
        }
        assertTrue(Spaces.deepEquals(xs, ys));
        for (int i = 0; i < 20; i++) assertTrue(s.valuesEqual(xs.get(i), ys.get(i)));
    }

    @Test
    @DisplayName("deepEquals looks inside arrays, lists and maps, nested in each other")
    void deepEqualsNested() {
        Object a = List.of(new float[] {1, 2}, Map.of("k", new int[] {3}), new Object[] {List.of(new int[] {4})});
        Object b = List.of(new float[] {1, 2}, Map.of("k", new int[] {3}), new Object[] {List.of(new int[] {4})});
        Object c = List.of(new float[] {1, 2}, Map.of("k", new int[] {3}), new Object[] {List.of(new int[] {5})});
        assertTrue(Spaces.deepEquals(a, b));
        assertFalse(Spaces.deepEquals(a, c));
        assertTrue(Spaces.deepEquals(new float[] {Float.NaN}, new float[] {Float.NaN}), "NaN equals NaN, as Arrays.equals says");
        assertFalse(Spaces.deepEquals(new float[] {1}, new double[] {1}));
        assertFalse(Spaces.deepEquals(new int[] {1, 2}, new int[] {1}));
        assertFalse(Spaces.deepEquals(Map.of("a", 1), Map.of("b", 1)));
        assertFalse(Spaces.deepEquals(List.of(1), List.of(1, 2)));
        assertFalse(Spaces.deepEquals(1, 1L), "Integer 1 and Long 1 differ");
        assertTrue(Spaces.deepEquals(null, null));
        assertFalse(Spaces.deepEquals(null, 0));
    }

    @Test
    @DisplayName("format prints arrays by element")
    void format() {
        assertEquals("[1.0, 2.5]", Spaces.format(new float[] {1, 2.5f}));
        assertEquals("[[1, 2]]", Spaces.format(new Object[] {new int[] {1, 2}}));
        assertEquals("7", Spaces.format(7));
    }
}
