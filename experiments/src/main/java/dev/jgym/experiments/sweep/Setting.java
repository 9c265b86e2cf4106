package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One point of the sweep: the values it gives to JSON paths of the base config, applied in order.
 *
 * @param index position in the sweep (grids in file order, then random samples)
 * @param id stable short hash of the overrides (first 10 hex digits of their SHA-256)
 * @param grid which grid of {@code grids} it comes from (0 for {@code grid} or a random search alone)
 * @param overrides path and value, in the order they are applied
 */
public record Setting(int index, String id, int grid, List<Override> overrides) {
    public Setting {
        overrides = List.copyOf(overrides);
    }

    /**
     * @param varying whether the path takes more than one value in its grid (or is drawn at random):
     *     only those name the setting in tables and plots
     */
    public record Override(JsonPath path, JsonNode value, boolean varying) {}

    /** {@code epsilon=0.01 c=2}: the varying values by their last key ({@code base} when none varies). */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (Override o : overrides) {
            if (!o.varying()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append(o.path().leaf()).append('=').append(text(o.value()));
        }
        return sb.length() == 0 ? "base" : sb.toString();
    }

    /** The value this setting gives to a path (the last one when several set it), or null. */
    public JsonNode value(String path) {
        JsonNode found = null;
        for (Override o : overrides) if (o.path().toString().equals(path)) found = o.value();
        return found;
    }

    static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }
}
