package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.experiments.Configs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a shipped sweep config for a figure test and reads its table back. */
final class BookSweeps {
    private BookSweeps() {}

    /** The rows of {@code configs/<config>} run into {@code dir} on every core; no trial may fail. */
    static List<SweepTable.Row> rows(String config, Path dir) {
        Path file = Configs.path(config);
        SweepPlan plan = SweepPlan.read(file);
        Sweep.Result r = Sweep.run(plan, file, dir, new LocalSweepRunner(Runtime.getRuntime().availableProcessors()), o -> { });
        assertEquals(0, r.failed(), config + ": failed trials");
        return SweepTable.rows(plan, r.summaries());
    }

    /** The report's mean of every setting, one list per agent label, in the sweep's order. */
    static Map<String, List<Double>> curves(String config, Path dir) {
        Map<String, List<Double>> curves = new LinkedHashMap<>();
        for (SweepTable.Row row : rows(config, dir)) curves.computeIfAbsent(row.agent(), k -> new ArrayList<>()).add(row.mean());
        return curves;
    }
}
