/**
 * Generative models on the NN core: a GAN (with its discriminator reused by adversarial
 * imitation) and a VAE.
 */
package dev.jgym.nn.generative;
