/**
 * Data sets and their pipeline: datasets, seeded loaders and splits, transforms, early stopping,
 * IDX files, MNIST, Fashion-MNIST and character text, read from the data cache ({@code
 * $JGYM_DATA}).
 */
package dev.jgym.nn.data;
