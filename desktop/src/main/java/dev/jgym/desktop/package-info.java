/**
 * The libgdx desktop viewer ({@code jgym view}): replays re-simulated into frames, a timeline,
 * value bars, live curves of a run in progress. All control logic is in {@link
 * dev.jgym.desktop.ViewerModel}, free of OpenGL and tested headless.
 */
package dev.jgym.desktop;
