/**
 * Optimizers (SGD with momentum or Nesterov, RMSProp and its centered form, Adam, AdamW), their
 * saved state, gradient clipping, learning-rate schedules, and {@link
 * dev.jgym.nn.optim.OptimizerConfig}: a config's {@code "optimizer"}, the one factory every
 * family builds its optimizer with.
 */
package dev.jgym.nn.optim;
