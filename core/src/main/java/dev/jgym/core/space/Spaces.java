package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Space helpers: reading the JSON form back, deep equality and printing of values. */
public final class Spaces {
    private Spaces() {}

    /** The space a {@link Space#toJson()} form describes. */
    public static Space<?> fromJson(JsonNode node) {
        String type = node.path("type").asText("");
        switch (type) {
            case "Discrete":
                return new Discrete(node.path("n").asInt(), node.path("start").asInt(0));
            case "Box": {
                float[] low = floatsFromJson(node.path("low")), high = floatsFromJson(node.path("high"));
                return new Box(low, high, intsFromJson(node.path("shape")));
            }
            case "MultiDiscrete":
                return new MultiDiscrete(intsFromJson(node.path("nvec")), intsFromJson(node.path("start")));
            case "MultiBinary":
                return new MultiBinary(intsFromJson(node.path("shape")));
            case "Tuple": {
                List<Space<?>> members = new ArrayList<>();
                node.path("spaces").forEach(m -> members.add(fromJson(m)));
                return new TupleSpace(members);
            }
            case "Dict": {
                Map<String, Space<?>> members = new TreeMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.path("spaces").fields();
                fields.forEachRemaining(e -> members.put(e.getKey(), fromJson(e.getValue())));
                return new DictSpace(members);
            }
            default:
                throw new IllegalArgumentException("unknown space type \"" + type + "\" in " + node);
        }
    }

    /** Floats as JSON numbers; infinities as the strings "inf" and "-inf" (JSON has none). */
    static ArrayNode floatsToJson(float[] values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (float v : values) {
            if (v == Float.POSITIVE_INFINITY) array.add("inf");
            else if (v == Float.NEGATIVE_INFINITY) array.add("-inf");
            else array.add(v);
        }
        return array;
    }

    static float[] floatsFromJson(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            values[i] = v.isTextual()
                    ? switch (v.asText()) {
                        case "inf" -> Float.POSITIVE_INFINITY;
                        case "-inf" -> Float.NEGATIVE_INFINITY;
                        default -> throw new IllegalArgumentException("expected a number, \"inf\" or \"-inf\", found " + v);
                    }
                    : v.floatValue();
        }
        return values;
    }

    static int[] intsFromJson(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) values[i] = array.get(i).asInt();
        return values;
    }

    /** Equality that looks inside arrays, lists and maps (observations are often arrays). */
    public static boolean deepEquals(Object a, Object b) {
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) {
                if (!deepEquals(la.get(i), lb.get(i))) return false;
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) return false;
            for (Object key : ma.keySet()) {
                if (!deepEquals(ma.get(key), mb.get(key))) return false;
            }
            return true;
        }
        if (a instanceof Object[] oa && b instanceof Object[] ob) {
            // element by element through deepEquals, so lists and maps inside arrays are compared deeply too
            if (oa.length != ob.length) return false;
            for (int i = 0; i < oa.length; i++) {
                if (!deepEquals(oa[i], ob[i])) return false;
            }
            return true;
        }
        return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }

    /** A readable form of any space value (arrays printed element by element). */
    public static String format(Object value) {
        if (value instanceof float[] f) return Arrays.toString(f);
        if (value instanceof double[] d) return Arrays.toString(d);
        if (value instanceof int[] i) return Arrays.toString(i);
        if (value instanceof long[] l) return Arrays.toString(l);
        if (value instanceof byte[] b) return Arrays.toString(b);
        if (value instanceof Object[] o) return Arrays.deepToString(o);
        return String.valueOf(value);
    }
}
