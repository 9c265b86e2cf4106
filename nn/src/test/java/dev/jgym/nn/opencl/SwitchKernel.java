package dev.jgym.nn.opencl;

import com.aparapi.Kernel;

/** A kernel with a {@code switch}, which Aparapi does not translate: it always falls back to Java threads. */
public class SwitchKernel extends Kernel {
    final float[] out = new float[4];

    @Override
    public void run() {
        int i = getGlobalId();
        switch (i) {
            case 1:
                out[i] = 3f;
                break;
            default:
                out[i] = 1f;
                break;
        }
    }
}
