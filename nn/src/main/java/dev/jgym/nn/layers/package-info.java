/**
 * Layers with backprop: dense, activations, 2-D convolution, pooling, local response and batch
 * normalisation, dropout, flatten, recurrent (LSTM, GRU), and sequential models built from JSON
 * specs.
 */
package dev.jgym.nn.layers;
