package dev.jgym.envs.games.board;

import java.util.Arrays;

/**
 * A two-player game of k in a row on a rows x cols grid (an m,n,k-game): players 0 and 1 take
 * turns placing a piece; the first with k in a line (across, down or either diagonal) wins; a full
 * board with no line is a draw. Tic-tac-toe is (3, 3, 3) with an action per cell
 * ({@code row * 3 + col}); Connect Four is (6, 7, 4) where pieces drop: an action is a column and
 * the piece lands on the lowest empty cell of it.
 *
 * <p>The state lives in one {@code int[]} ({@code -1} empty, else the player) with
 * {@link #play}/{@link #undo} for search, so a minimax probes millions of positions without
 * allocating. Player 0 always moves first.
 */
public final class LineGame {
    private final String name;
    private final int rows, cols, k;
    private final boolean gravity;
    /** cells[row * cols + col]: -1 empty, 0 or 1 the owner; row 0 is the top row. */
    private final int[] cells;
    /** For gravity games: pieces in each column. */
    private final int[] height;
    private int moves;
    private int winner = -1;

    private LineGame(String name, int rows, int cols, int k, boolean gravity) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.k = k;
        this.gravity = gravity;
        this.cells = new int[rows * cols];
        this.height = new int[cols];
        clear();
    }

    /** Tic-tac-toe: 3x3, three in a row, an action per cell. */
    public static LineGame ticTacToe() {
        return new LineGame("TicTacToe", 3, 3, 3, false);
    }

    /** Connect Four: 6 rows, 7 columns, four in a row, pieces drop down the chosen column. */
    public static LineGame connectFour() {
        return new LineGame("ConnectFour", 6, 7, 4, true);
    }

    /** An independent copy of the position. */
    public LineGame copy() {
        LineGame c = new LineGame(name, rows, cols, k, gravity);
        System.arraycopy(cells, 0, c.cells, 0, cells.length);
        System.arraycopy(height, 0, c.height, 0, height.length);
        c.moves = moves;
        c.winner = winner;
        return c;
    }

    /** Empties the board. */
    public void clear() {
        Arrays.fill(cells, -1);
        Arrays.fill(height, 0);
        moves = 0;
        winner = -1;
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pieces needed in a line to win. */
    public int k() {
        return k;
    }

    /** Number of actions: cells, or columns when pieces drop. */
    public int actions() {
        return gravity ? cols : rows * cols;
    }

    public boolean gravity() {
        return gravity;
    }

    /** The player to move: 0 or 1. */
    public int toMove() {
        return moves & 1;
    }

    /** Pieces on the board. */
    public int moves() {
        return moves;
    }

    /** -1 empty, else the player whose piece is at (row, col); row 0 is the top. */
    public int cell(int row, int col) {
        return cells[row * cols + col];
    }

    /** The winner (0 or 1) or -1 while there is none. */
    public int winner() {
        return winner;
    }

    /** True when somebody has won or the board is full. */
    public boolean over() {
        return winner >= 0 || moves == cells.length;
    }

    /** True when {@code action} is in range, the game is not over and the cell/column is free. */
    public boolean legal(int action) {
        if (action < 0 || action >= actions() || over()) return false;
        return gravity ? height[action] < rows : cells[action] < 0;
    }

    /** Writes 1 for each legal action and 0 for the others. */
    public void legalMask(byte[] mask) {
        for (int a = 0; a < mask.length; a++) mask[a] = (byte) (legal(a) ? 1 : 0);
    }

    /** The cell an action fills (for a legal action). */
    private int target(int action) {
        return gravity ? (rows - 1 - height[action]) * cols + action : action;
    }

    /** Plays a legal action for the player to move and updates the winner. */
    public void play(int action) {
        if (!legal(action)) throw new IllegalArgumentException(name + ": action " + action + " is not legal here");
        int cell = target(action);
        int player = toMove();
        cells[cell] = player;
        if (gravity) height[action]++;
        moves++;
        if (linesThrough(cell / cols, cell % cols, player)) winner = player;
    }

    /** Takes back {@code action}, which must be the last move played. */
    public void undo(int action) {
        int cell = gravity ? (rows - height[action]) * cols + action : action;
        cells[cell] = -1;
        if (gravity) height[action]--;
        moves--;
        winner = -1;
    }

    private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    /** True when the piece at (row, col) is part of k in a line of {@code player}. */
    private boolean linesThrough(int row, int col, int player) {
        for (int[] d : DIRECTIONS) {
            int run = 1 + count(row, col, d[0], d[1], player) + count(row, col, -d[0], -d[1], player);
            if (run >= k) return true;
        }
        return false;
    }

    private int count(int row, int col, int dr, int dc, int player) {
        int n = 0;
        for (int r = row + dr, c = col + dc; r >= 0 && r < rows && c >= 0 && c < cols && cells[r * cols + c] == player; r += dr, c += dc) {
            n++;
        }
        return n;
    }

    /**
     * A position estimate for {@code player} used where a depth-limited search stops: over every
     * line of k cells, a line holding only {@code player}'s pieces adds n*n for n pieces, one
     * holding only the opponent's subtracts it. Bounded by {@link Minimax#WIN} / 2 in size.
     */
    public int heuristic(int player) {
        int score = 0;
        for (int[] d : DIRECTIONS) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int er = r + (k - 1) * d[0], ec = c + (k - 1) * d[1];
                    if (er < 0 || er >= rows || ec < 0 || ec >= cols) continue;
                    int mine = 0, theirs = 0;
                    for (int i = 0; i < k; i++) {
                        int v = cells[(r + i * d[0]) * cols + c + i * d[1]];
                        if (v == player) mine++;
                        else if (v >= 0) theirs++;
                    }
                    if (theirs == 0) score += mine * mine;
                    else if (mine == 0) score -= theirs * theirs;
                }
            }
        }
        return Math.max(-Minimax.WIN / 2, Math.min(Minimax.WIN / 2, score));
    }

    /** The board as text, top row first: {@code X} player 0, {@code O} player 1, {@code .} empty. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) sb.append(cells[r * cols + c] < 0 ? '.' : cells[r * cols + c] == 0 ? 'X' : 'O');
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Sets up a position from text rows as {@link #toString()} writes them (for tests and puzzles). */
    public static LineGame parse(LineGame empty, String... lines) {
        LineGame g = empty.copy();
        g.clear();
        int x = 0, o = 0;
        for (int r = 0; r < g.rows; r++) {
            for (int c = 0; c < g.cols; c++) {
                char ch = lines[r].charAt(c);
                if (ch == 'X') x++;
                if (ch == 'O') o++;
                g.cells[r * g.cols + c] = ch == 'X' ? 0 : ch == 'O' ? 1 : -1;
                if (ch != '.' && g.gravity) g.height[c]++;
            }
        }
        if (x != o && x != o + 1) throw new IllegalArgumentException("X moves first: found " + x + " X and " + o + " O");
        g.moves = x + o;
        for (int i = 0; i < g.cells.length && g.winner < 0; i++) {
            if (g.cells[i] >= 0 && g.linesThrough(i / g.cols, i % g.cols, g.cells[i])) g.winner = g.cells[i];
        }
        return g;
    }
}
