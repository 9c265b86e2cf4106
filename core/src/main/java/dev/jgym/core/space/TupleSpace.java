package dev.jgym.core.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed sequence of spaces (Gymnasium's {@code Tuple}); a value is a {@code List<Object>} with
 * one member per space. Sampling draws each member in order from the same stream.
 */
public record TupleSpace(List<Space<?>> spaces) implements Space<List<Object>> {

    public TupleSpace {
        if (spaces.isEmpty()) throw new IllegalArgumentException("a Tuple space needs at least one space");
        spaces = List.copyOf(spaces);
    }

    public static TupleSpace of(Space<?>... spaces) {
        return new TupleSpace(List.of(spaces));
    }

    @Override
    public List<Object> sample(Rng rng) {
        List<Object> value = new ArrayList<>(spaces.size());
        for (Space<?> s : spaces) value.add(s.sample(rng));
        return List.copyOf(value);
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof List<?> list) || list.size() != spaces.size()) return false;
        for (int i = 0; i < list.size(); i++) {
            if (!spaces.get(i).contains(list.get(i))) return false;
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
        node.put("type", "Tuple");
        ArrayNode members = node.putArray("spaces");
        spaces.forEach(s -> members.add(s.toJson()));
        return node;
    }

    @Override
    public String toString() {
        return "Tuple" + spaces.toString().replace('[', '(').replace(']', ')');
    }
}
