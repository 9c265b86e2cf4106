/**
 * Losses with their gradients: softmax cross-entropy and the elementwise MSE, L1, Huber and binary cross-entropy with logits.
 */
package dev.jgym.nn.loss;
