/**
 * Replays ({@code .jgr}, see docs/REPLAY_FORMAT.md) that re-simulate bit for bit: the writer and
 * recorder, the reader, the verifier, and PNG and GIF export drawn without a display.
 */
package dev.jgym.replays;
