package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;

/**
 * Batch normalisation over the batch (Ioffe and Szegedy, 2015), per feature:
 * {@code y = gamma (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>Training: mean and (biased) variance of the batch; the running statistics move by
 * {@code running = (1 - momentum) running + momentum batch}, with the unbiased variance
 * (as PyTorch). Eval: the running statistics. Defaults eps 1e-5, momentum 0.1.
 */
public final class BatchNorm1d implements Layer {
    private final Backend backend;
    private final int features;
    private final float eps, momentum;
    private final Param gamma, beta, runningMean, runningVar;
    private boolean training = true;
    private Tensor xhat, invStd;

    public BatchNorm1d(Backend backend, int features) {
        this(backend, features, 1e-5f, 0.1f);
    }

    public BatchNorm1d(Backend backend, int features, float eps, float momentum) {
        this.backend = backend;
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        this.gamma = Param.trainable("gamma", Tensor.zeros(features));
        this.beta = Param.trainable("beta", Tensor.zeros(features));
        this.runningMean = Param.buffer("running_mean", Tensor.zeros(features));
        this.runningVar = Param.buffer("running_var", Tensor.zeros(features));
        gamma.value().fill(1f);
        runningVar.value().fill(1f);
    }

    @Override
    public void train(boolean training) {
        this.training = training;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != features) throw new IllegalArgumentException("batchnorm1d: expected " + features + " features, found " + x.cols());
        Tensor y = Tensor.zeros(x.shape());
        if (!training) {
            backend.batchNormEval(x, gamma.value(), beta.value(), runningMean.value(), runningVar.value(), eps, y);
            return y;
        }
        int n = x.rows();
        if (n < 2) throw new IllegalArgumentException("batchnorm1d: training needs a batch of at least 2, found " + n);
        xhat = Tensor.zeros(x.shape());
        invStd = Tensor.zeros(features);
        Tensor mean = Tensor.zeros(features), var = Tensor.zeros(features);
        backend.batchNormTrain(x, gamma.value(), beta.value(), eps, y, xhat, mean, var, invStd);
        backend.scale(runningMean.value(), 1 - momentum, runningMean.value());
        backend.axpy(momentum, mean, runningMean.value());
        backend.scale(runningVar.value(), 1 - momentum, runningVar.value());
        backend.axpy(momentum * n / (float) (n - 1), var, runningVar.value());
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (!training) throw new IllegalStateException("batchnorm1d: backward in eval mode");
        Tensor dx = Tensor.zeros(dy.shape());
        backend.batchNormBackward(dy, xhat, gamma.value(), invStd, dx, gamma.grad(), beta.grad());
        return dx;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta, runningMean, runningVar);
    }

    @Override
    public ObjectNode spec() {
        return JsonNodeFactory.instance.objectNode().put("type", "batchnorm1d").put("features", features)
                .put("eps", eps).put("momentum", momentum);
    }
}
