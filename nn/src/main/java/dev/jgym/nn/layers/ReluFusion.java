package dev.jgym.nn.layers;

import dev.jgym.nn.ActivationKind;
import java.util.List;

/**
 * Folds a ReLU into its neighbours in a {@link Sequential}, to save the memory passes of an
 * elementwise layer over large feature maps (LeNet's first ReLU walks 128 x 8 x 28 x 28 floats
 * four times per step): a ReLU right after a {@link Conv2d} is applied in the convolution's
 * output pass ({@code Backend#conv2dRelu}), and a ReLU right before a max {@link Pool2d} has its
 * backward done in the pooling's backward ({@code Backend#maxPool2dReluBackward}). The ReLU layer
 * stays in the model (specs and model files do not change) and passes tensors through in the
 * fused direction. Every value is bit-identical to running the layers one by one.
 */
final class ReluFusion {
    private ReluFusion() {}

    static void link(List<Layer> layers) {
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Activation relu) || relu.kind() != ActivationKind.RELU) continue;
            boolean afterConv = i > 0 && layers.get(i - 1) instanceof Conv2d;
            boolean beforeMaxPool = i + 1 < layers.size() && layers.get(i + 1) instanceof Pool2d pool && pool.kind() == Pool2d.Kind.MAX;
            if (afterConv) ((Conv2d) layers.get(i - 1)).fuseRelu();
            if (beforeMaxPool) ((Pool2d) layers.get(i + 1)).fuseReluBackward();
            relu.fuse(afterConv, beforeMaxPool);
        }
    }
}
