package dev.jgym.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.run.TrialReport;
import dev.jgym.experiments.run.ExperimentKinds;
import dev.jgym.experiments.ExperimentConfig;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A sweep expanded into its trials, deterministically: settings in file order (each grid's
 * combinations with the last path varying fastest, then crossed with the random samples), and
 * inside each setting one trial per seed in the order of {@code seeds}. Every setting is checked
 * before anything runs: its paths exist in the base config, the resulting experiment config is
 * valid (env, agents, settings), and the reported metric and agent exist.
 *
 * @param config the sweep file's content
 * @param source the sweep file's name, for messages
 * @param settings every setting, in order
 * @param trials every trial, in order
 */
public record SweepPlan(SweepConfig config, String source, List<Setting> settings, List<Trial> trials) {

    public SweepPlan {
        settings = List.copyOf(settings);
        trials = List.copyOf(trials);
    }

    /** Reads and expands a sweep file; every mistake is a {@link UserError} naming the file and field. */
    public static SweepPlan read(Path file) {
        return of(SweepConfig.read(file), file);
    }

    public static SweepPlan of(SweepConfig config, Path file) {
        String source = file.toString();
        ObjectNode base = base(config, file);
        boolean dqn = DqnConfig.isDqn(base);
        config = new SweepConfig(config.name(), config.description(), config.base(), config.grid(), config.grids(), config.random(),
                config.seeds(), config.report().resolved(dqn));
        List<List<Pending>> points = new ArrayList<>();
        List<Integer> gridOf = new ArrayList<>();
        List<Map<String, List<JsonNode>>> grids = config.grids() != null ? config.grids()
                : config.grid() != null ? List.of(config.grid()) : List.of();
        List<List<Pending>> samples = samples(config.random());
        if (grids.isEmpty()) {
            for (List<Pending> s : samples) {
                points.add(s);
                gridOf.add(0);
            }
        }
        for (int g = 0; g < grids.size(); g++) {
            String field = config.grids() != null ? "grids[" + g + "]" : "grid";
            for (List<Pending> combo : combinations(field, grids.get(g))) {
                for (List<Pending> s : samples) {
                    List<Pending> all = new ArrayList<>(combo);
                    all.addAll(s);
                    points.add(all);
                    gridOf.add(g);
                }
            }
        }

        List<Setting> settings = new ArrayList<>();
        List<Trial> trials = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            List<Pending> point = points.get(i);
            ObjectNode node = base.deepCopy();
            List<Setting.Override> overrides = new ArrayList<>();
            for (Pending p : point) {
                try {
                    p.path.set(node, p.value);
                } catch (IllegalArgumentException e) {
                    throw new UserError(source + ": $." + p.field + ": " + e.getMessage());
                }
                overrides.add(new Setting.Override(p.path, p.value, p.varying));
            }
            Setting setting = new Setting(i, hash(canonical(overrides)).substring(0, 10), gridOf.get(i), overrides);
            Integer before = seen.putIfAbsent(setting.id(), i);
            if (before != null) {
                throw new UserError(source + ": setting " + setting.label() + " appears twice (settings " + before + " and " + i
                        + "): expected every combination once");
            }
            SweepConfig.Report r = config.report();
            List<String> agents = ExperimentKinds.forConfig(node, source + ": setting " + setting.label())
                    .trialAgents(node, source + ": setting " + setting.label(), source, new TrialReport(r.metric(), r.summary(), r.agent()));
            settings.add(setting);
            for (long seed : config.seeds()) {
                node.set("seed", LongNode.valueOf(seed));
                String json = json(node);
                trials.add(new Trial(setting.id() + "-s" + seed, trials.size(), i, seed, json, hash(json), agents));
            }
        }
        return new SweepPlan(config, source, settings, trials);
    }

    private static ObjectNode base(SweepConfig config, Path file) {
        JsonNode node;
        String where;
        if (config.base().isTextual()) {
            Path baseFile = file.toAbsolutePath().getParent().resolve(config.base().asText()).normalize();
            Path shown = (file.getParent() == null ? Path.of("") : file.getParent()).resolve(config.base().asText()).normalize();
            try {
                node = Json.readTree(baseFile);
            } catch (UserError e) {
                throw new UserError(file + ": $.base: " + e.getMessage().replace(baseFile.toString(), shown.toString()));
            }
            Json.bind(node, configType(node), shown.toString(), "$");
            where = shown.toString();
        } else {
            node = config.base();
            Json.bind(node, configType(node), file.toString(), "$.base");
            where = file + " $.base";
        }
        if (!(node instanceof ObjectNode obj)) throw new UserError(where + ": expected an experiment config object");
        return obj.deepCopy();
    }

    /** What a base config binds to: a DQN config when it has a top-level "dqn" key, else an experiment config. */
    private static Class<?> configType(JsonNode node) {
        return DqnConfig.isDqn(node) ? DqnConfig.class : ExperimentConfig.class;
    }

    /** A value for a path, before it is applied; {@code field} is where it came from in the sweep file. */
    private record Pending(String field, JsonPath path, JsonNode value, boolean varying) {}

    private static List<List<Pending>> combinations(String field, Map<String, List<JsonNode>> grid) {
        List<List<Pending>> out = new ArrayList<>();
        out.add(List.of());
        for (Map.Entry<String, List<JsonNode>> axis : grid.entrySet()) {
            String at = field + "[\"" + axis.getKey() + "\"]";
            JsonPath path = JsonPath.parse(axis.getKey());
            boolean varying = axis.getValue().size() > 1;
            List<List<Pending>> next = new ArrayList<>();
            for (List<Pending> prefix : out) {
                for (JsonNode v : axis.getValue()) {
                    List<Pending> p = new ArrayList<>(prefix);
                    p.add(new Pending(at, path, v, varying));
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<List<Pending>> samples(SweepConfig.RandomSearch random) {
        if (random == null) return List.of(List.of());
        List<List<Pending>> out = new ArrayList<>();
        Rng root = new Rng(random.seed()).child("sample");
        for (int k = 0; k < random.samples(); k++) {
            Rng rng = root.child(k);
            List<Pending> sample = new ArrayList<>();
            for (Map.Entry<String, SweepConfig.Distribution> e : random.params().entrySet()) {
                sample.add(new Pending("random.params[\"" + e.getKey() + "\"]", JsonPath.parse(e.getKey()), draw(e.getValue(), rng), true));
            }
            out.add(sample);
        }
        return out;
    }

    static JsonNode draw(SweepConfig.Distribution d, Rng rng) {
        if (d.uniform() != null) return DoubleNode.valueOf(rng.uniform(d.uniform().get(0), d.uniform().get(1)));
        if (d.logUniform() != null) {
            double lo = StrictMath.log(d.logUniform().get(0)), hi = StrictMath.log(d.logUniform().get(1));
            return DoubleNode.valueOf(StrictMath.exp(rng.uniform(lo, hi)));
        }
        if (d.intUniform() != null) {
            long lo = d.intUniform().get(0), span = d.intUniform().get(1) - lo + 1;
            return LongNode.valueOf(lo + (long) Math.floor(rng.nextDouble() * span));
        }
        return d.choice().get(rng.nextInt(d.choice().size())).deepCopy();
    }

    private static String canonical(List<Setting.Override> overrides) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode();
        for (Setting.Override o : overrides) arr.addArray().add(o.path().toString()).add(o.value());
        return arr.toString();
    }

    private static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 in lower-case hex. */
    public static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
