package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * Batch normalisation of image maps (Ioffe and Szegedy 2015, section 3.2: for convolutional
 * layers the statistics are per channel, over the batch and all positions):
 * {@code y = gamma[c] (x - mean[c]) / sqrt(var[c] + eps) + beta[c]}. Running statistics as
 * {@link BatchNorm1d} (unbiased variance over N x H x W values, momentum 0.1, eps 1e-5).
 */
public final class BatchNorm2d implements Layer, Shaped {
    private final Backend backend;
    private final int channels, height, width;
    private final float eps, momentum;
    private final Param gamma, beta, runningMean, runningVar;
    private boolean training = true;
    private Tensor xhat, invStd;

    public BatchNorm2d(Backend backend, int channels, int height, int width, float eps, float momentum) {
        this.backend = backend;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = Param.trainable("gamma", Tensor.zeros(channels));
        this.beta = Param.trainable("beta", Tensor.zeros(channels));
        this.runningMean = Param.buffer("running_mean", Tensor.zeros(channels));
        this.runningVar = Param.buffer("running_var", Tensor.zeros(channels));
        gamma.value().fill(1f);
        runningVar.value().fill(1f);
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    @Override
    public int[] outputShape() {
        return new int[] {channels, height, width};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != channels * height * width) throw new IllegalArgumentException("batchnorm2d: expected " + channels * height * width + " values per example, found " + x.cols());
        Tensor y = Tensor.zeros(x.rows(), x.cols());
        if (!training) {
            backend.batchNorm2dEval(x, channels, gamma.value(), beta.value(), runningMean.value(), runningVar.value(), eps, y);
            return y;
        }
        long count = (long) x.rows() * height * width;
        if (count < 2) throw new IllegalArgumentException("batchnorm2d: training needs at least 2 values per channel, found " + count);
        xhat = Tensor.zeros(x.rows(), x.cols());
        invStd = Tensor.zeros(channels);
        Tensor mean = Tensor.zeros(channels), var = Tensor.zeros(channels);
        backend.batchNorm2dTrain(x, channels, gamma.value(), beta.value(), eps, y, xhat, mean, var, invStd);
        backend.scale(runningMean.value(), 1 - momentum, runningMean.value());
        backend.axpy(momentum, mean, runningMean.value());
        backend.scale(runningVar.value(), 1 - momentum, runningVar.value());
        backend.axpy((float) (momentum * count / (double) (count - 1)), var, runningVar.value());
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (!training) throw new IllegalStateException("batchnorm2d: backward in eval mode");
        Tensor dx = Tensor.zeros(dy.rows(), dy.cols());
        backend.batchNorm2dBackward(dy, channels, xhat, gamma.value(), invStd, dx, gamma.grad(), beta.grad());
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta, runningMean, runningVar);
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "batchnorm2d").put("channels", channels).put("height", height).put("width", width)
                .put("eps", eps).put("momentum", momentum);
    }
}
