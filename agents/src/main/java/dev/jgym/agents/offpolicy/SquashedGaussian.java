package dev.jgym.agents.offpolicy;

/**
 * SAC's policy head (Haarnoja et al., 2018, appendix C, "Enforcing action bounds"): a Gaussian
 * u ~ N(mu, diag(sigma^2)) squashed by a = tanh(u), so a lies in (-1, 1)^d. By the change of
 * variables, with u = mu + sigma eps (eps ~ N(0, I), the reparameterisation trick):
 * <pre>
 *   log pi(a|s) = sum_j [ -eps_j^2 / 2 - log sigma_j - log(2 pi) / 2 - log(1 - tanh(u_j)^2) ]       (eq. 21)
 *   log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2 u))                 (exact, finite for any u)
 *   d log pi / d mu_j = 2 a_j        d log pi / d log sigma_j = -1 + 2 a_j sigma_j eps_j     (eps held fixed)
 * </pre>
 * The actor's loss per sample, J = alpha log pi(a|s) - Q(s, a) (eq. 17), has through a = tanh(u)
 * <pre>
 *   dJ/dmu_j = alpha 2 a_j - dQ/da_j (1 - a_j^2)        dJ/dlog sigma_j = dJ/dmu_j sigma_j eps_j - alpha
 * </pre>
 * log sigma comes from the actor's second head, clamped to [-20, 2] (Stable-Baselines3's bounds;
 * no gradient flows through a clamped value). The deterministic action is tanh(mu).
 */
final class SquashedGaussian {
    static final double LOG_STD_MIN = -20, LOG_STD_MAX = 2;
    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2 = Math.log(2);

    private SquashedGaussian() {}

    static double clampLogStd(double logStd) {
        return Math.min(Math.max(logStd, LOG_STD_MIN), LOG_STD_MAX);
    }

    /** True when the head's raw value was clamped (its gradient is then 0). */
    static boolean clamped(double rawLogStd) {
        return rawLogStd < LOG_STD_MIN || rawLogStd > LOG_STD_MAX;
    }

    /** log(1 - tanh(u)^2), computed without cancellation. */
    static double log1mTanhSq(double u) {
        return 2 * (LOG_2 - u - softplus(-2 * u));
    }

    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** log pi(tanh(u)) of one sample u_j = mu_j + exp(logStd_j) eps_j, j < d (eq. 21). */
    static double logProb(double[] eps, double[] logStd, double[] u, int d) {
        double s = 0;
        for (int j = 0; j < d; j++) s += -0.5 * eps[j] * eps[j] - logStd[j] - HALF_LOG_2PI - log1mTanhSq(u[j]);
        return s;
    }

    /** d log pi / d mu_j for the sample whose squashed action is a_j. */
    static double dLogProbDMu(double a) {
        return 2 * a;
    }

    /** dJ/dmu_j of J = alpha log pi(a|s) - Q(s, a) at a_j = tanh(u_j), given dQ/da_j. */
    static double actorDMu(double a, double alpha, double dQda) {
        return alpha * dLogProbDMu(a) - dQda * (1 - a * a);
    }

    /** dJ/dlog sigma_j of the same J, for u_j = mu_j + sigma_j eps_j. */
    static double actorDLogStd(double a, double sigma, double eps, double alpha, double dQda) {
        return actorDMu(a, alpha, dQda) * sigma * eps - alpha;
    }

    /** d log pi / d log sigma_j for the sample a_j = tanh(mu_j + sigma_j eps_j). */
    static double dLogProbDLogStd(double a, double sigma, double eps) {
        return -1 + 2 * a * sigma * eps;
    }
}
