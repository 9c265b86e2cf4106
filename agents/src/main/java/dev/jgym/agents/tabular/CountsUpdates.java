package dev.jgym.agents.tabular;

/**
 * A learner that counts the value updates it makes, real and planned: the measure of computation
 * of Sutton &amp; Barto's Example 8.4 ("updates until optimal solution").
 */
public interface CountsUpdates {
    /** Q updates made so far. */
    long updates();
}
