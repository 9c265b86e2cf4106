package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named spaces (Gymnasium's {@code Dict}); a value is a {@code Map<String, Object>} with exactly
 * the space's keys. Keys are kept sorted, as Gymnasium sorts a plain dict, so sampling (one draw
 * per key, in key order) and printing never depend on hash order.
 */
public record DictSpace(Map<String, Space<?>> spaces) implements Space<Map<String, Object>> {

    public DictSpace {
        if (spaces.isEmpty()) throw new IllegalArgumentException("a Dict space needs at least one key");
        spaces = Collections.unmodifiableSortedMap(new TreeMap<>(spaces));
    }

    @Override
    public Map<String, Object> sample(Rng rng) {
        Map<String, Object> value = new TreeMap<>();
        spaces.forEach((key, space) -> value.put(key, space.sample(rng)));
        return Collections.unmodifiableMap(value);
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Map<?, ?> map) || !map.keySet().equals(spaces.keySet())) return false;
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            if (!e.getValue().contains(map.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public JsonNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "Dict");
        ObjectNode members = node.putObject("spaces");
        spaces.forEach((key, space) -> members.set(key, space.toJson()));
        return node;
    }

    @Override
    public String toString() {
        return "Dict" + spaces;
    }
}
