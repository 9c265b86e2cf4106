package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved tables as JSON, keyed by the observation itself (an integer, or Blackjack's
 * {@code [sum, dealer, ace]}), so a file reads as the table it is:
 * <pre>{@code
 * {"type": "q-learning", "observation_space": {...}, "actions": 4, "episodes": 500,
 *  "tables": {"q": [{"state": 36, "values": [-13.2, -12.0, -113.0, -13.1]}, ...]}}
 * }</pre>
 * Loading checks that the file was written by the same agent type for the same spaces; every
 * problem is a {@link UserError} naming the file and the field.
 */
public final class TableFile {
    private TableFile() {}

    /** One row: the observation and its values (one per action, or one for a state value). */
    public record Row(@JsonProperty(required = true) JsonNode state, @JsonProperty(required = true) double[] values) {
        public Row {
            Check.present("state", state);
            Check.present("values", values);
        }
    }

    /** The whole file. */
    public record Saved(@JsonProperty(required = true) String type,
                        @JsonProperty(value = "observation_space", required = true) JsonNode observationSpace,
                        @JsonProperty(required = true) Integer actions,
                        @JsonProperty(required = true) Long episodes,
                        @JsonProperty(required = true) Map<String, List<Row>> tables) {
        public Saved {
            Check.present("type", type);
            Check.present("observation_space", observationSpace);
            Check.present("actions", actions);
            Check.present("episodes", episodes);
            Check.present("tables", tables);
        }
    }

    /** Writes named tables ({@code width} values per row) in row order. */
    public static void write(Path file, String type, StateIndex states, int actions, long episodes, Map<String, double[]> tables,
                             Map<String, Integer> widths) {
        Map<String, List<Row>> out = new LinkedHashMap<>();
        tables.forEach((name, values) -> {
            int w = widths.get(name);
            List<Row> rows = new ArrayList<>(states.size());
            for (int s = 0; s < states.size(); s++) {
                double[] v = new double[w];
                System.arraycopy(values, s * w, v, 0, w);
                rows.add(new Row(Json.MAPPER.valueToTree(states.observation(s)), v));
            }
            out.put(name, rows);
        });
        Json.write(file, new Saved(type, states.space().toJson(), actions, episodes, out));
    }

    /**
     * Reads the file into {@code tables} (each already sized {@code states.size() * width}) and
     * returns the saved episode count.
     */
    public static long read(Path file, String type, StateIndex states, int actions, Map<String, double[]> tables,
                            Map<String, Integer> widths) {
        Saved saved = Json.read(file, Saved.class);
        if (!type.equals(saved.type())) {
            throw new UserError(file + ": $.type: expected \"" + type + "\" (a file saved by that agent type), found \"" + saved.type() + "\"");
        }
        if (!states.space().toJson().equals(saved.observationSpace())) {
            throw new UserError(file + ": $.observation_space: expected " + states.space().toJson() + ", found " + saved.observationSpace());
        }
        if (saved.actions() != actions) throw new UserError(file + ": $.actions: expected " + actions + ", found " + saved.actions());
        if (saved.episodes() < 0) throw new UserError(file + ": $.episodes: expected an integer >= 0, found " + saved.episodes());
        Map<String, double[]> staged = new LinkedHashMap<>(); // nothing changes unless the whole file is good
        for (String name : tables.keySet()) {
            List<Row> rows = saved.tables().get(name);
            if (rows == null) throw new UserError(file + ": $.tables: missing the table \"" + name + "\"");
            double[] values = new double[tables.get(name).length];
            staged.put(name, values);
            int w = widths.get(name);
            boolean[] seen = new boolean[states.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String where = file + ": $.tables." + name + "[" + i + "]";
                Object obs;
                int s;
                try {
                    obs = Json.MAPPER.treeToValue(row.state(), Object.class);
                    s = states.index(obs);
                } catch (Exception e) {
                    throw new UserError(where + ".state: expected an observation of " + states.space() + ", found " + row.state());
                }
                if (seen[s]) throw new UserError(where + ".state: " + row.state() + " appears twice");
                seen[s] = true;
                if (row.values().length != w) throw new UserError(where + ".values: expected " + w + " values, found " + row.values().length);
                for (double v : row.values()) {
                    if (!Double.isFinite(v)) throw new UserError(where + ".values: expected finite numbers, found " + v);
                }
                System.arraycopy(row.values(), 0, values, s * w, w);
            }
            for (int s = 0; s < seen.length; s++) {
                if (!seen[s]) throw new UserError(file + ": $.tables." + name + ": missing the row of state " + states.observation(s));
            }
        }
        staged.forEach((name, values) -> System.arraycopy(values, 0, tables.get(name), 0, values.length));
        return saved.episodes();
    }
}
