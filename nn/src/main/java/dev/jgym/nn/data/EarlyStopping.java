package dev.jgym.nn.data;

/**
 * Early stopping on a validation metric: stop when it has not improved by more than minDelta
 * for {@code patience} epochs in a row. {@code maximize} for accuracy, not for loss.
 */
public final class EarlyStopping {
    private final int patience;
    private final double minDelta;
    private final boolean maximize;
    private double best;
    private int bestEpoch = -1, epoch = -1, bad;

    public EarlyStopping(int patience, double minDelta, boolean maximize) {
        if (patience < 1) throw new IllegalArgumentException("patience must be >= 1");
        this.patience = patience;
        this.minDelta = minDelta;
        this.maximize = maximize;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Records the metric of the next epoch; returns true when training should stop. */
    public boolean update(double metric) {
        epoch++;
        boolean better = maximize ? metric > best + minDelta : metric < best - minDelta;
        if (better) {
            best = metric;
            bestEpoch = epoch;
            bad = 0;
        } else {
            bad++;
        }
        return bad >= patience;
    }

    /** True when the last update was the best so far (the moment to keep a checkpoint). */
    public boolean improved() {
        return bestEpoch == epoch && epoch >= 0;
    }

    public double best() {
        return best;
    }

    /** The epoch (from 0) of the best metric, -1 before any update. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
