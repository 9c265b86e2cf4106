package dev.jgym.agents.alphazero;

import dev.jgym.envs.games.board.LineGame;

/**
 * The symmetries of a board game that leave its rules unchanged, as permutations of cells and of
 * actions, for augmenting (state, search policy) pairs: a square board without gravity
 * (tic-tac-toe) has the 8 of the dihedral group (4 rotations, each with or without a reflection);
 * a board where pieces drop (Connect Four) has 2, the identity and the left-right mirror. Symmetry
 * 0 is always the identity. The outcome z is unchanged by any of them.
 */
public final class Symmetries {
    /** cells[k][i]: where symmetry k moves cell i ({@code row * cols + col}). */
    private final int[][] cells;
    /** actions[k][a]: the action symmetry k maps a to. */
    private final int[][] actions;

    private Symmetries(int[][] cells, int[][] actions) {
        this.cells = cells;
        this.actions = actions;
    }

    public static Symmetries of(LineGame game) {
        int rows = game.rows(), cols = game.cols();
        int[][] maps;
        if (game.gravity() || rows != cols) {
            maps = new int[][] {new int[rows * cols], new int[rows * cols]};
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    maps[0][r * cols + c] = r * cols + c;
                    maps[1][r * cols + c] = r * cols + (cols - 1 - c);
                }
            }
        } else {
            int n = rows;
            maps = new int[8][n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    int[][] to = {{r, c}, {c, n - 1 - r}, {n - 1 - r, n - 1 - c}, {n - 1 - c, r},
                            {r, n - 1 - c}, {n - 1 - r, c}, {c, r}, {n - 1 - c, n - 1 - r}};
                    for (int k = 0; k < 8; k++) maps[k][r * n + c] = to[k][0] * n + to[k][1];
                }
            }
        }
        int[][] acts = new int[maps.length][];
        for (int k = 0; k < maps.length; k++) {
            if (!game.gravity()) {
                acts[k] = maps[k]; // an action is a cell
            } else {
                acts[k] = new int[cols];
                for (int c = 0; c < cols; c++) acts[k][c] = maps[k][c] % cols; // a column goes where its top cell goes
            }
        }
        return new Symmetries(maps, acts);
    }

    public int count() {
        return cells.length;
    }

    /** Where symmetry {@code k} moves action {@code a}. */
    public int action(int k, int a) {
        return actions[k][a];
    }

    /**
     * Writes the image under symmetry {@code k} of one sample: its observation ({@code cells * 2},
     * channel last) as floats into {@code obsOut}, its mask and its policy.
     */
    public void apply(int k, byte[] obs, int obsAt, byte[] mask, int maskAt, float[] pi, int piAt,
                      float[] obsOut, int obsOutAt, byte[] maskOut, int maskOutAt, float[] piOut, int piOutAt) {
        int[] cell = cells[k], act = actions[k];
        for (int i = 0; i < cell.length; i++) {
            obsOut[obsOutAt + 2 * cell[i]] = obs[obsAt + 2 * i];
            obsOut[obsOutAt + 2 * cell[i] + 1] = obs[obsAt + 2 * i + 1];
        }
        for (int a = 0; a < act.length; a++) {
            maskOut[maskOutAt + act[a]] = mask[maskAt + a];
            piOut[piOutAt + act[a]] = pi[piAt + a];
        }
    }
}
