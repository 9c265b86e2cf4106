/**
 * A spam filter on the SpamAssassin public corpus: bag-of-words features, the perceptron rule,
 * logistic regression and an MLP on the NN core, scored on held-out mail; the {@code spam}
 * experiment kind.
 */
package dev.jgym.experiments.spam;
