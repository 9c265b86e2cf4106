package dev.jgym.agents.offpolicy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SAC's and TD3's learning experiments on Pendulum-v1, from {@code configs/sac/pendulum.json} and
 * {@code configs/td3/pendulum.json} (the rl-baselines3-zoo settings: hyperparams/sac.yml and
 * td3.yml, Pendulum-v1) with their budgets, scored by the final deterministic evaluation (100
 * episodes). To fit CI's budget on two cores the networks are 64-64 here instead of the configs'
 * 256-256 (SAC) and 400-300 (TD3); everything else is the config's. Two runs at a time, each on one thread.
 *
 * <p>Measured (AMD EPYC 2-core VM at load 25-28, shared): SAC seeds 1-5 gave -143.1, -144.6,
 * -144.8, -143.6, -155.4 (411-439 s a run, five at once, through {@code jgym train --threads 1});
 * TD3 seeds 1-3 gave -143.5, -151.2, -150.1 (this test's TD3 method: 1,632 s wall, two at a time).
 * On a quiet machine expect a tenth of those wall times.
 */
@Tag("learning")
class OffPolicyLearningTest {

    static OffPolicyConfig config(String file, long seed, int... hidden) {
        ObjectNode root = (ObjectNode) Json.readTree(Path.of("..", "configs", file));
        root.put("seed", seed);
        ArrayNode h = ((ObjectNode) root.get("offpolicy").get("network")).putArray("hidden");
        for (int w : hidden) h.add(w);
        return Json.bind(root, OffPolicyConfig.class, file, "$");
    }

    static List<OffPolicyTraining.Result> runAll(String file, long... seeds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<OffPolicyTraining.Result>> fs = new ArrayList<>();
            for (long s : seeds) fs.add(pool.submit(() -> new OffPolicyTraining(config(file, s, 64, 64), file).threads(1).run()));
            List<OffPolicyTraining.Result> out = new ArrayList<>();
            for (Future<OffPolicyTraining.Result> f : fs) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static int reached(String name, List<OffPolicyTraining.Result> rs, double bar, StringBuilder report) {
        int n = 0;
        for (int i = 0; i < rs.size(); i++) {
            OffPolicyTraining.Result r = rs.get(i);
            if (r.finalEvaluation().mean() >= bar) n++;
            report.append(String.format(Locale.ROOT, "seed %d: %.1f after %d steps; ", i + 1, r.finalEvaluation().mean(), r.steps()));
        }
        System.out.println(name + ": " + report);
        return n;
    }

    @Test
    @DisplayName("SAC on Pendulum-v1 (zoo settings, 64-64): deterministic mean >= -200 over 100 episodes within 20k env steps for >= 4 of 5 seeds")
    void sacSwingsUpPendulum() throws Exception {
        StringBuilder report = new StringBuilder();
        int n = reached("SAC Pendulum-v1", runAll("sac/pendulum.json", 1, 2, 3, 4, 5), -200, report);
        assertTrue(n >= 4, report.toString());
    }

    @Test
    @DisplayName("TD3 on Pendulum-v1 (zoo settings, 64-64): deterministic mean >= -200 over 100 episodes within 30k env steps, seeds 1 and 2 (seen: -143.5, -151.2; seed 3 -150.1 in a documented run)")
    void td3SwingsUpPendulum() throws Exception {
        StringBuilder report = new StringBuilder();
        int n = reached("TD3 Pendulum-v1", runAll("td3/pendulum.json", 1, 2), -200, report);
        assertTrue(n == 2, report.toString());
    }
}
