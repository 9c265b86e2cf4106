package dev.jgym.envs.games.board.connect4;

import dev.jgym.envs.games.board.LineGame;

/**
 * A Connect Four position as two bitboards, for the {@link Solver} (Pascal Pons, "Solving Connect
 * 4: how to build a perfect AI", 2019, parts 6 and 9).
 *
 * <p>Bit layout: column c owns bits {@code c * 7} (bottom row) to {@code c * 7 + 5} (top row);
 * bit {@code c * 7 + 6} is a guard row that is always empty, so shifts never carry a line from
 * one column into the next. {@code mask} has a bit for every stone, {@code current} for the stones
 * of the player to move. {@link #key()} = {@code current + mask} is unique per position (49 bits).
 *
 * <p>Columns are 0-6 here; move strings (as in Pons' test sets and {@code jgym solve}) use 1-7.
 */
public final class Position {
    public static final int WIDTH = 7;
    public static final int HEIGHT = 6;
    /** Moves in a full board. */
    public static final int CELLS = WIDTH * HEIGHT;

    static final long BOTTOM = bottomMask();
    static final long BOARD = BOTTOM * ((1L << HEIGHT) - 1);

    private long current;
    private long mask;
    private int moves;

    /** The empty board. */
    public Position() {}

    public Position(Position other) {
        this.current = other.current;
        this.mask = other.mask;
        this.moves = other.moves;
    }

    /**
     * The position after {@code moves}, columns 1-7 in play order (player 1 first). Throws
     * {@link IllegalArgumentException} naming the first move that is not a column, hits a full
     * column, or comes after the game was won.
     */
    public static Position of(String moves) {
        Position p = new Position();
        for (int i = 0; i < moves.length(); i++) {
            char ch = moves.charAt(i);
            int col = ch - '1';
            String which = "move " + (i + 1) + " ('" + ch + "')";
            if (col < 0 || col >= WIDTH) throw new IllegalArgumentException(which + ": expected a column 1-7");
            if (!p.canPlay(col)) throw new IllegalArgumentException(which + ": column " + (col + 1) + " is full");
            if (p.isWinningMove(col)) {
                if (i + 1 < moves.length()) throw new IllegalArgumentException(which + " wins the game; the moves after it cannot be played");
                throw new IllegalArgumentException(which + " wins the game: nothing left to solve");
            }
            p.playColumn(col);
        }
        if (p.moves == CELLS) throw new IllegalArgumentException("the board is full (a draw): nothing left to solve");
        return p;
    }

    /** The same position as a {@link LineGame} Connect Four board (row 0 at its top), which must not be over. */
    public static Position of(LineGame g) {
        if (g.rows() != HEIGHT || g.cols() != WIDTH || !g.gravity()) throw new IllegalArgumentException("not a Connect Four board: " + g.name());
        if (g.over()) throw new IllegalArgumentException("the game is over: nothing left to solve");
        Position p = new Position();
        for (int c = 0; c < WIDTH; c++) {
            for (int h = 0; h < HEIGHT; h++) {
                int owner = g.cell(HEIGHT - 1 - h, c);
                if (owner < 0) break;
                long bit = 1L << (c * (HEIGHT + 1) + h);
                p.mask |= bit;
                if (owner == g.toMove()) p.current |= bit;
            }
        }
        p.moves = g.moves();
        return p;
    }

    /** Stones on the board. */
    public int moves() {
        return moves;
    }

    /** A unique key of the position (below 2^49). */
    public long key() {
        return current + mask;
    }

    /** True when column {@code col} (0-6) has room. */
    public boolean canPlay(int col) {
        return (mask & topMask(col)) == 0;
    }

    /** Drops a stone of the player to move into column {@code col} (0-6), which must have room. */
    public void playColumn(int col) {
        play((mask + bottomMask(col)) & columnMask(col));
    }

    /** Plays the move given as the single bit of the cell it fills. */
    void play(long move) {
        current ^= mask;
        mask |= move;
        moves++;
    }

    /** Takes back the last move: puts back the bitboards saved before it. */
    void undo(long current, long mask) {
        this.current = current;
        this.mask = mask;
        moves--;
    }

    long current() {
        return current;
    }

    long mask() {
        return mask;
    }

    /** True when playing column {@code col} (which must have room) makes four for the player to move. */
    public boolean isWinningMove(int col) {
        return (winningPositions() & possible() & columnMask(col)) != 0;
    }

    /** True when the player to move can win with its next stone. */
    boolean canWinNext() {
        return (winningPositions() & possible()) != 0;
    }

    /**
     * The moves that do not lose at once (Pons part 9): when the opponent threatens to win, the
     * move that blocks it (none if it threatens twice); never a cell just below an opponent's
     * winning cell. Only valid when the player to move cannot win with its next stone.
     */
    long possibleNonLosingMoves() {
        long possible = possible();
        long opponentWin = opponentWinningPositions();
        long forced = possible & opponentWin;
        if (forced != 0) {
            if ((forced & (forced - 1)) != 0) return 0; // two threats: cannot block both
            possible = forced;
        }
        return possible & ~(opponentWin >>> 1);
    }

    /** Move-ordering score: the number of cells the move's player would then threaten. */
    int moveScore(long move) {
        return Long.bitCount(winningPositions(current | move, mask));
    }

    /** The cells where a stone can go now (one per column with room). */
    long possible() {
        return (mask + BOTTOM) & BOARD;
    }

    private long winningPositions() {
        return winningPositions(current, mask);
    }

    private long opponentWinningPositions() {
        return winningPositions(current ^ mask, mask);
    }

    /** The empty cells that would complete four for the owner of {@code position}. */
    static long winningPositions(long position, long mask) {
        // vertical: three stones below the cell
        long r = (position << 1) & (position << 2) & (position << 3);
        r |= line(position, HEIGHT + 1); // horizontal
        r |= line(position, HEIGHT);     // diagonal down-right
        r |= line(position, HEIGHT + 2); // diagonal up-right
        return r & (BOARD ^ mask);
    }

    /** Empty-or-not cells that complete four along the direction of bit shift {@code s}. */
    private static long line(long position, int s) {
        long r;
        long p = (position << s) & (position << 2 * s);
        r = p & (position << 3 * s);   // three to one side
        r |= p & (position >>> s);     // two on one side, one on the other
        p = (position >>> s) & (position >>> 2 * s);
        r |= p & (position << s);
        r |= p & (position >>> 3 * s);
        return r;
    }

    static long topMask(int col) {
        return (1L << (HEIGHT - 1)) << col * (HEIGHT + 1);
    }

    static long bottomMask(int col) {
        return 1L << col * (HEIGHT + 1);
    }

    static long columnMask(int col) {
        return ((1L << HEIGHT) - 1) << col * (HEIGHT + 1);
    }

    private static long bottomMask() {
        long b = 0;
        for (int c = 0; c < WIDTH; c++) b |= bottomMask(c);
        return b;
    }
}
