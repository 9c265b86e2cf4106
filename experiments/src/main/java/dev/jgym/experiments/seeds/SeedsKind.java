package dev.jgym.experiments.seeds;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The deep-learning seed's small worked examples from a config with a top-level {@code "seeds"}
 * object naming the {@code "example"} and its settings:
 * <ul>
 *   <li>{@code optimizer_paths} ({@link OptimizerPaths.Settings}): writes {@code paths.csv} and
 *       {@code optimizer-paths.png};
 *   <li>{@code polynomial_fits} ({@link PolynomialFits.Settings}, with the config's {@code seed}):
 *       writes {@code errors.csv} (degree, training and validation MSE) and {@code polynomial-fits.png}.
 * </ul>
 */
public final class SeedsKind implements ExperimentKind {
    /** The examples a config may name. */
    public static final List<String> EXAMPLES = List.of("optimizer_paths", "polynomial_fits");

    /** The config: {@code seed} is needed by polynomial_fits only (default 1). */
    public record SeedsConfig(@JsonProperty(required = true) String name, String description, Long seed, @JsonProperty(required = true) JsonNode seeds) {
        public SeedsConfig {
            Check.present("name", name);
            Check.that(!name.isBlank(), "name", "expected a non-empty string");
            if (seed == null) seed = 1L;
            Check.present("seeds", seeds);
        }
    }

    @Override
    public String name() {
        return "seeds";
    }

    @Override
    public String description() {
        return "the deep-learning seed's worked examples: optimizer paths on x^2/20 + y^2, polynomial overfitting";
    }

    @Override
    public String key() {
        return "seeds";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        String source = configFile.toString();
        SeedsConfig cfg = Json.read(configFile, SeedsConfig.class);
        if (!cfg.seeds().isObject() || !cfg.seeds().has("example") || !cfg.seeds().get("example").isTextual()) {
            throw new UserError(source + ": $.seeds.example: missing (expected one of " + String.join(", ", EXAMPLES) + ")");
        }
        ObjectNode rest = ((ObjectNode) cfg.seeds()).deepCopy();
        String example = rest.remove("example").asText();
        Object settings = switch (example) {
            case "optimizer_paths" -> Json.bind(rest, OptimizerPaths.Settings.class, source, "$.seeds");
            case "polynomial_fits" -> Json.bind(rest, PolynomialFits.Settings.class, source, "$.seeds");
            default -> throw new UserError(source + ": $.seeds.example: expected one of " + String.join(", ", EXAMPLES) + ", found \"" + example + "\"");
        };
        return Run.of(cfg.name(), threads -> cfg.name() + ": " + example.replace('_', ' '), "examples", 1, (dir, progress, stop) -> run(cfg, settings, dir, progress));
    }

    private static Run.Outcome run(SeedsConfig cfg, Object settings, Path dir, Progress progress) {
        if (settings instanceof OptimizerPaths.Settings s) {
            List<OptimizerPaths.PathXY> paths = OptimizerPaths.paths(s);
            Json.writeAtomically(dir.resolve("paths.csv"), OptimizerPaths.csv(paths).getBytes(StandardCharsets.UTF_8));
            OptimizerPaths.writePng(paths, dir.resolve("optimizer-paths.png"));
            progress.advance(1);
            return Run.finished(1, out -> {
                out.printf(Locale.ROOT, "%-24s %10s %10s %10s%n", "optimizer", "x", "y", "f(x, y)");
                for (OptimizerPaths.PathXY p : paths) {
                    int t = p.x().length - 1;
                    out.printf(Locale.ROOT, "%-24s %10.4f %10.4f %10.5f%n", p.label(), p.x()[t], p.y()[t], OptimizerPaths.f(p.x()[t], p.y()[t]));
                }
            });
        }
        PolynomialFits.Settings s = (PolynomialFits.Settings) settings;
        PolynomialFits.Result r = PolynomialFits.run(cfg.seed(), s);
        StringBuilder csv = new StringBuilder("degree,train_mse,validation_mse\n");
        for (int d = 0; d < r.trainMse().length; d++) csv.append(d).append(',').append(r.trainMse()[d]).append(',').append(r.validationMse()[d]).append('\n');
        Json.writeAtomically(dir.resolve("errors.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
        PolynomialFits.writePng(r, s.noise(), dir.resolve("polynomial-fits.png"));
        progress.advance(1);
        return Run.finished(1, out -> {
            out.printf(Locale.ROOT, "%6s %12s %14s%n", "degree", "train MSE", "validation MSE");
            for (int d = 0; d < r.trainMse().length; d++) out.printf(Locale.ROOT, "%6d %12.5f %14.5f%n", d, r.trainMse()[d], r.validationMse()[d]);
        });
    }
}
