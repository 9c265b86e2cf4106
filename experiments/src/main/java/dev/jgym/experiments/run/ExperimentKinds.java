package dev.jgym.experiments.run;

import dev.jgym.agents.run.ExperimentKind;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The registered {@link ExperimentKind}s, and which one a config names. */
public final class ExperimentKinds {
    private static volatile List<ExperimentKind> all;

    private ExperimentKinds() {}

    /** Every kind on the class path, by name. */
    public static List<ExperimentKind> all() {
        List<ExperimentKind> list = all;
        if (list == null) {
            List<ExperimentKind> found = new ArrayList<>();
            ServiceLoader.load(ExperimentKind.class, ExperimentKinds.class.getClassLoader()).forEach(found::add);
            found.sort(Comparator.comparing(ExperimentKind::name));
            all = list = List.copyOf(found);
        }
        return list;
    }

    /** The kind a config file names (its one top-level kind key, or none: the default kind). */
    public static ExperimentKind forConfig(Path configFile) {
        return forConfig(Json.readTree(configFile), configFile.toString());
    }

    public static ExperimentKind forConfig(JsonNode root, String source) {
        if (root == null || !root.isObject()) throw new UserError(source + ": expected a JSON object at the top level");
        List<ExperimentKind> named = all().stream().filter(k -> k.key() != null && root.has(k.key())).toList();
        if (named.size() > 1) {
            throw new UserError(source + ": names two experiment kinds at once ("
                    + named.stream().map(k -> "\"" + k.key() + "\"").collect(Collectors.joining(" and ")) + "); keep one");
        }
        if (named.size() == 1) return named.get(0);
        return all().stream().filter(k -> k.key() == null).findFirst()
                .orElseThrow(() -> new UserError(source + ": names no experiment kind (a top-level key among "
                        + all().stream().filter(k -> k.key() != null).map(k -> "\"" + k.key() + "\"").collect(Collectors.joining(", ")) + ")"));
    }
}
