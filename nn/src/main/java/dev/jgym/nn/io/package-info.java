/**
 * Model files ({@code .jgm}): a network's spec and its parameters, written through a temporary
 * file and a rename, read with one-line errors.
 */
package dev.jgym.nn.io;
