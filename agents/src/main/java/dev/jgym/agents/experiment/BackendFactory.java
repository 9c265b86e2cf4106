package dev.jgym.agents.experiment;

import dev.jgym.core.config.UserError;
import dev.jgym.core.nn.Backend;
import dev.jgym.core.nn.cpu.CpuBackend;

/**
 * The one place that turns a config's {@code backend} name into a {@link Backend}:
 * {@code cpu} is the multi-threaded reference backend on {@code --threads}. DQN's training step
 * does not run on the OpenCL backend yet (its target and gather loops read host arrays between
 * backend calls), so {@code auto} resolves to the CPU and {@code opencl} is refused with a clear
 * message; supervised runs take any {@link dev.jgym.core.nn.Backends} spec.
 */
public final class BackendFactory {
    private BackendFactory() {}

    /**
     * @param name cpu, opencl or auto
     * @param threads CPU threads (the CPU backend gives the same bits for any count)
     * @param source the config file, for messages
     */
    public static Backend create(String name, int threads, String source) {
        switch (name) {
            case "cpu":
            case "auto":
                return new CpuBackend(threads);
            case "opencl":
                throw new UserError(source + ": $.backend: \"opencl\" is not supported for DQN yet (its training step reads host arrays between kernels); expected cpu or auto");
            default:
                throw new UserError(source + ": $.backend: expected cpu, opencl or auto, found \"" + name + "\"");
        }
    }
}
