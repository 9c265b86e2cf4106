package dev.jgym.nn;

/**
 * Elementwise losses the backend computes, with their per-element value and derivative:
 * <ul>
 *   <li>{@code MSE}: (p - t)^2, derivative 2 (p - t);
 *   <li>{@code L1}: |p - t|, derivative sign(p - t) (0 at 0);
 *   <li>{@code HUBER} (smooth L1, parameter delta): 0.5 d^2 if |d| <= delta, else
 *       delta (|d| - 0.5 delta), with d = p - t;
 *   <li>{@code BCE_WITH_LOGITS} (p a logit, t in [0, 1]): max(p, 0) - p t + log(1 + e^-|p|),
 *       derivative sigmoid(p) - t; stable for any p.
 * </ul>
 */
public enum PointLoss {
    MSE, L1, HUBER, BCE_WITH_LOGITS
}
