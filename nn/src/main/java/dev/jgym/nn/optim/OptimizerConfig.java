package dev.jgym.nn.optim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import java.util.List;

/**
 * @param type sgd, momentum, nesterov, rmsprop, adam or adamw
 * @param lr learning rate
 * @param momentum for momentum and nesterov (default 0.9)
 * @param weightDecay L2 through the gradient (sgd, momentum, nesterov, rmsprop, adam) or
 *     decoupled (adamw; default 0.01 there, 0 elsewhere)
 * @param alpha rmsprop only: the squared-gradient average's decay (default 0.99, PyTorch's; MinAtar's DQN 0.95)
 * @param eps rmsprop only: added to the denominator's square root (default 1e-8; MinAtar's DQN 0.01)
 * @param centered rmsprop only: subtract the squared mean gradient (Graves 2013; the DQN paper's and
 *     MinAtar's form, see {@link CenteredRmsProp}) [false]
 */
public record OptimizerConfig(
        @JsonProperty(required = true) String type,
        @JsonProperty(required = true) Double lr,
        Double momentum,
        @JsonProperty("weight_decay") Double weightDecay,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double alpha,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double eps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean centered) {
    /** Without the rmsprop-only settings. */
    public OptimizerConfig(String type, Double lr, Double momentum, Double weightDecay) {
        this(type, lr, momentum, weightDecay, null, null, null);
    }

    public OptimizerConfig {
        Check.present("type", type);
        Check.that(TYPES.contains(type), "type",
                "expected one of sgd, momentum, nesterov, rmsprop, adam, adamw, found \"" + type + "\"");
        Check.present("lr", lr);
        Check.positive("lr", lr);
        if (momentum == null) momentum = 0.9;
        Check.that(momentum >= 0 && momentum < 1, "momentum", "expected a number in [0, 1), found " + momentum);
        if (weightDecay == null) weightDecay = type.equals("adamw") ? 0.01 : 0.0;
        Check.nonNegative("weight_decay", weightDecay);
        boolean rms = type.equals("rmsprop");
        for (var e : new Object[][] {{"alpha", alpha}, {"eps", eps}, {"centered", centered}}) {
            Check.that(rms || e[1] == null, (String) e[0], "only used with type \"rmsprop\", found type \"" + type + "\"");
        }
        if (rms) {
            if (alpha == null) alpha = 0.99;
            Check.that(alpha >= 0 && alpha < 1, "alpha", "expected a number in [0, 1), found " + alpha);
            if (eps == null) eps = 1e-8;
            Check.positive("eps", eps);
            if (centered == null) centered = false;
        }
    }

    /** The optimizer types a config may name; {@link #create} builds each. */
    public static final java.util.List<String> TYPES = java.util.List.of("sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw");

    /**
     * The one optimizer factory: what every config's {@code "optimizer"} (supervised, generative,
     * DQN, imitation) becomes.
     *
     * @param backend where updates run (null: on the host, one thread)
     * @param beta1 Adam's first-moment decay: 0.9, or 0.5 for a GAN (Radford et al., 2016)
     */
    public Optimizer create(Backend backend, List<Param> params, double beta1) {
        return switch (type) {
            case "sgd" -> backend == null ? new Sgd(params, lr, 0, false, weightDecay) : new Sgd(backend, params, lr, 0, false, weightDecay);
            case "momentum", "nesterov" -> {
                boolean nesterov = type.equals("nesterov");
                yield backend == null ? new Sgd(params, lr, momentum, nesterov, weightDecay) : new Sgd(backend, params, lr, momentum, nesterov, weightDecay);
            }
            case "rmsprop" -> rmsProp(backend, params);
            case "adam", "adamw" -> {
                boolean decoupled = type.equals("adamw");
                yield backend == null ? new Adam(params, lr, beta1, 0.999, 1e-8, weightDecay, decoupled)
                        : new Adam(backend, params, lr, beta1, 0.999, 1e-8, weightDecay, decoupled);
            }
            default -> throw new IllegalStateException("unchecked optimizer type " + type);
        };
    }

    /**
     * The rmsprop optimizer these settings describe: {@link RmsProp} or {@link CenteredRmsProp},
     * updating through {@code backend} (null: on the host).
     */
    public Optimizer rmsProp(Backend backend, List<Param> params) {
        if (!type.equals("rmsprop")) throw new IllegalStateException("not an rmsprop config: " + type);
        if (backend == null) {
            return centered ? new CenteredRmsProp(params, lr, alpha, eps, weightDecay) : new RmsProp(params, lr, alpha, eps, weightDecay);
        }
        return centered ? new CenteredRmsProp(backend, params, lr, alpha, eps, weightDecay)
                : new RmsProp(backend, params, lr, alpha, eps, weightDecay);
    }
}
