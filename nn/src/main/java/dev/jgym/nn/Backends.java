package dev.jgym.nn;

import dev.jgym.core.config.UserError;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.opencl.OpenClBackend;
import dev.jgym.nn.opencl.OpenClDevices;
import java.util.List;

/**
 * Builds a backend from its spec, as configs ({@code "backend": ...}) and {@code --backend} give it:
 * <ul>
 *   <li>{@code cpu}: the CPU backend on every processor; {@code cpu:T} on T threads;
 *   <li>{@code opencl}: the first OpenCL device ({@code jgym devices} numbers them);
 *       {@code opencl:N}: device N. No OpenCL, or a kernel that would fall back to Java
 *       threads, is an error, never a silent slow path;
 *   <li>{@code auto}: the first OpenCL GPU when there is one, else the CPU backend. An OpenCL
 *       device that is a CPU (PoCL) is not chosen: the Java backend is faster there
 *       (docs/BENCHMARKS.md).
 * </ul>
 * The chosen backend is logged once, when it is created (logger {@code dev.jgym.nn}, INFO).
 * This is the one backend factory: supervised runs, DQN and the benchmarks all come here; a user of
 * the backend that cannot run on OpenCL yet says so ({@link Use#CPU_ONLY}).
 */
public final class Backends {
    private static final System.Logger LOG = System.getLogger("dev.jgym.nn");

    private Backends() {}

    /** What the caller can run on. */
    public enum Use {
        /** Any backend. */
        ANY,
        /** The CPU backend only: {@code auto} resolves to it and {@code opencl} is refused. */
        CPU_ONLY
    }

    /**
     * The backend for spec, with {@code cpu} (and a null spec) on {@code threads} threads, for a
     * caller that can run on {@code use}; a bad spec is a {@link UserError}.
     *
     * @param what names the caller in the refusal of an OpenCL spec ("DQN")
     */
    public static Backend create(String spec, int threads, Use use, String what) {
        String s = spec == null ? "cpu" : spec.trim();
        if (s.equals("cpu") || (use == Use.CPU_ONLY && s.equals("auto"))) return new CpuBackend(threads);
        if (use == Use.CPU_ONLY && (s.equals("opencl") || s.startsWith("opencl:"))) {
            throw new UserError("backend \"" + spec + "\": " + what + " does not run on OpenCL yet; expected cpu, cpu:T or auto");
        }
        return create(spec);
    }

    /** The backend for spec; a bad spec or a missing device is a {@link UserError}. */
    public static Backend create(String spec) {
        Backend b = open(spec);
        LOG.log(System.Logger.Level.INFO, "backend " + spec + ": " + b.name());
        return b;
    }

    private static Backend open(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.equals("auto")) {
            for (OpenClDevices.Info d : OpenClDevices.list()) if (d.isGpu()) return new OpenClBackend(d.device());
            return new CpuBackend();
        }
        if (s.equals("cpu")) return new CpuBackend();
        if (s.startsWith("cpu:")) return new CpuBackend(number(spec, s.substring(4), "a thread count >= 1", 1));
        if (s.equals("opencl") || s.startsWith("opencl:")) {
            int n = s.equals("opencl") ? 0 : number(spec, s.substring(7), "a device number >= 0", 0);
            List<OpenClDevices.Info> devices = OpenClDevices.list();
            if (devices.isEmpty()) throw new UserError("backend \"" + spec + "\": no OpenCL device (" + OpenClDevices.whyNone() + ")");
            if (n >= devices.size()) {
                throw new UserError("backend \"" + spec + "\": expected a device number in [0, " + (devices.size() - 1)
                        + "], found " + n + " (`jgym devices` lists them)");
            }
            return new OpenClBackend(devices.get(n).device());
        }
        throw new UserError("backend: expected auto, cpu, cpu:T, opencl or opencl:N, found \"" + spec + "\"");
    }

    private static int number(String spec, String digits, String expected, int min) {
        try {
            int v = Integer.parseInt(digits);
            if (v >= min) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserError("backend \"" + spec + "\": expected " + expected + " after the colon, found \"" + digits + "\"");
    }
}
