/**
 * How an env looks, as data: {@link dev.jgym.core.scene.Scene} (shapes, text and cell grids in
 * world units), annotations for overlays, and two renderers without a display: exact pixels
 * ({@link dev.jgym.core.scene.SceneRaster}) and a terminal ({@link
 * dev.jgym.core.scene.AnsiRenderer}).
 */
package dev.jgym.core.scene;
