/**
 * Pictures of models and data: image grids (samples, filters) as PNG.
 */
package dev.jgym.nn.viz;
