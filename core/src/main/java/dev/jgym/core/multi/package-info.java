/**
 * Two-player turn-based envs, after PettingZoo's AEC API: {@link dev.jgym.core.multi.TwoPlayerEnv}
 * (whose turn, each player's observation, legal-action masks, zero-sum rewards, a copy for
 * search), players and one game between two of them ({@link dev.jgym.core.multi.Match}).
 */
package dev.jgym.core.multi;
