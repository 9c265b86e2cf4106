package dev.jgym.nn.cpu;

import dev.jgym.nn.Tensor;

/** Run by {@link CpuBackendTest} in a JVM without jdk.incubator.vector: prints the kernel and a product. */
public final class NoVectorMain {
    private NoVectorMain() {}

    public static void main(String[] args) {
        try (CpuBackend be = new CpuBackend(2)) {
            Tensor x = Tensor.matrix(new float[][] {{1, 2}, {3, 4}});
            Tensor c = Tensor.zeros(2, 2);
            be.gemm(false, false, 1f, x, x, 0f, c);
            System.out.println("present=" + Kernels.vectorModulePresent() + " vectorized=" + be.vectorized() + " "
                    + c.get(0, 0) + "," + c.get(0, 1) + "," + c.get(1, 0) + "," + c.get(1, 1));
        }
    }
}
