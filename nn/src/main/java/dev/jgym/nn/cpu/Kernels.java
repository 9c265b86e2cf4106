package dev.jgym.nn.cpu;

/**
 * Picks the GEMM micro-kernel: the Vector API one when {@code jdk.incubator.vector} is in the
 * boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}) and not
 * switched off with {@code -Djgym.nn.vector=false}; the scalar one otherwise. Never fails for the
 * module's absence.
 */
public final class Kernels {
    private Kernels() {}

    /** True when the vector module is present at run time. */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** True when the vector kernel will be used by default. */
    public static boolean vectorByDefault() {
        return vectorModulePresent() && !"false".equals(System.getProperty("jgym.nn.vector"));
    }

    /** Prints the kernel this JVM picks, e.g. {@code vector fma 6x16 (8 lanes)} (scripts/bench-peers.sh names it beside its figures). */
    public static void main(String[] args) {
        System.out.println("GEMM kernel: " + pick(vectorByDefault()).describe());
    }

    static MicroKernel pick(boolean vector) {
        if (vector && vectorModulePresent()) {
            try {
                return (MicroKernel) Class.forName("dev.jgym.nn.cpu.VectorKernel").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarKernel();
            }
        }
        return new ScalarKernel();
    }
}
