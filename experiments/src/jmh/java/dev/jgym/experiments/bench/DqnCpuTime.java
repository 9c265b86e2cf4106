package dev.jgym.experiments.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link DqnBenchmark}'s loop timed in CPU time of the calling thread rather than wall time: on
 * a machine shared with other jobs (load average far above the core count) wall-clock
 * throughput mostly measures the scheduler, while the thread's CPU time per env step stays
 * steady. One thread only (a helper thread's time would not be counted).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp agents/target/benchmarks.jar dev.jgym.experiments.bench.DqnCpuTime perStep [rounds]</pre>
 */
public final class DqnCpuTime {
    private DqnCpuTime() {}

    public static void main(String[] args) {
        DqnBenchmark bench = new DqnBenchmark();
        bench.threads = 1;
        bench.setting = args.length > 0 ? args[0] : "perStep";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        bench.setUp();
        for (int r = 0; r < rounds; r++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 3; i++) bench.envSteps();
            double us = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / (3 * DqnBenchmark.STEPS);
            // the first rounds include JIT compilation: read the last ones
            System.out.printf("%s round %d: %.1f us CPU per env step = %.0f env steps per CPU-second%n", bench.setting, r, us, 1e6 / us);
        }
        bench.tearDown();
    }
}
