/**
 * Strict JSON configs: one Jackson mapper ({@link dev.jgym.core.config.Json}; unknown keys,
 * duplicates and coercions rejected), field checks ({@link dev.jgym.core.config.Check}, sizes
 * bounded before allocation) and {@link dev.jgym.core.config.UserError}, the one-line mistake
 * naming the file, the JSON path, expected and found.
 */
package dev.jgym.core.config;
