package dev.jgym.envs.games.board;

import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tic-tac-toe and Connect Four as two-player envs ({@link TwoPlayerEnv}): both sides are played
 * by the caller, one move per step.
 *
 * <p>Action space: tic-tac-toe {@code Discrete(9)}, the cell {@code row * 3 + col}; Connect Four
 * {@code Discrete(7)}, the column (the piece drops to its lowest empty cell). Legal: a free cell,
 * a column that is not full, while the game goes on.
 * <p>Observation {@code MultiBinary(rows, cols, 2)} ({@code int[]}, row-major, channel last, row 0
 * at the top), from the observing player's side: channel 0 holds its pieces, channel 1 the other
 * player's.
 * <p>Rewards: 0 for every move but a winning one, which gives +1 to the mover and -1 to the other
 * player; a draw gives 0 to both.
 * <p>Start: an empty board; player 0 (X, red) moves first. The games have no randomness: the
 * reset seed changes nothing.
 * <p>End: terminated on k in a line or a full board; at most 9 or 42 moves.
 *
 * <p>The position is a {@link LineGame}; {@link #position()} hands it to searches that play and
 * undo moves on it directly ({@link Minimax}).
 */
public final class BoardGame implements TwoPlayerEnv<int[]> {
    private final LineGame game;
    private final Discrete actionSpace;
    private final MultiBinary observationSpace;
    private final double[] rewards = new double[2];

    /** A game of {@code prototype}'s kind from the empty board. */
    public BoardGame(LineGame prototype) {
        this.game = prototype.copy();
        this.game.clear();
        this.actionSpace = new Discrete(game.actions());
        this.observationSpace = new MultiBinary(game.rows(), game.cols(), 2);
    }

    public static BoardGame ticTacToe() {
        return new BoardGame(LineGame.ticTacToe());
    }

    public static BoardGame connectFour() {
        return new BoardGame(LineGame.connectFour());
    }

    private BoardGame(BoardGame other) {
        this.game = other.game.copy();
        this.actionSpace = other.actionSpace;
        this.observationSpace = other.observationSpace;
        this.rewards[0] = other.rewards[0];
        this.rewards[1] = other.rewards[1];
    }

    @Override
    public String name() {
        return game.name();
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    public MultiBinary observationSpace() {
        return observationSpace;
    }

    @Override
    public void reset(long seed) {
        game.clear();
        rewards[0] = rewards[1] = 0;
    }

    @Override
    public int currentPlayer() {
        return game.toMove();
    }

    @Override
    public int[] observe(int player) {
        int[] obs = new int[game.rows() * game.cols() * 2];
        for (int r = 0; r < game.rows(); r++) {
            for (int c = 0; c < game.cols(); c++) {
                int owner = game.cell(r, c);
                if (owner >= 0) obs[(r * game.cols() + c) * 2 + (owner == player ? 0 : 1)] = 1;
            }
        }
        return obs;
    }

    @Override
    public boolean legal(int action) {
        return game.legal(action);
    }

    @Override
    public void step(int action) {
        if (!game.legal(action)) {
            throw new IllegalArgumentException(game.name() + ": action " + action + " is illegal now"
                    + (game.over() ? " (the game is over)" : " (" + (game.gravity() ? "column full" : "cell taken") + "); legal actions: " + legalActions()));
        }
        int mover = game.toMove();
        game.play(action);
        boolean won = game.winner() == mover;
        rewards[mover] = won ? 1 : 0;
        rewards[1 - mover] = won ? -1 : 0;
    }

    @Override
    public double reward(int player) {
        return rewards[player];
    }

    @Override
    public boolean terminated() {
        return game.over();
    }

    @Override
    public int winner() {
        return game.winner() >= 0 ? game.winner() : game.over() ? -1 : -2;
    }

    @Override
    public int moves() {
        return game.moves();
    }

    @Override
    public BoardGame copy() {
        return new BoardGame(this);
    }

    /** The live position, for searches that play and undo on it and leave it as it was. */
    public LineGame position() {
        return game;
    }

    /** The legal actions, ascending. */
    public List<Integer> legalActions() {
        List<Integer> legal = new ArrayList<>();
        for (int a = 0; a < game.actions(); a++) {
            if (game.legal(a)) legal.add(a);
        }
        return legal;
    }

    @Override
    public Scene scene(Annotations annotations) {
        return scene(game, annotations, game.name(), status(game, winner(), false));
    }

    /** "X to move", "O wins", "draw" (X/O for tic-tac-toe, red/yellow for Connect Four). */
    static String status(LineGame game, int result, boolean forfeit) {
        String[] names = game.gravity() ? new String[] {"red", "yellow"} : new String[] {"X", "O"};
        if (result == -1) return "draw";
        if (result >= 0) return names[result] + " wins" + (forfeit ? " (illegal move)" : "");
        return names[game.toMove()] + " to move";
    }

    /**
     * The board: tic-tac-toe as a grid with X (player 0, blue) and O (player 1, red); Connect Four
     * as a blue frame with red (player 0) and yellow (player 1) discs. An agent's
     * {@code action_values} (legal moves) and a search's {@code visit_counts} (moves visited) are
     * written over the cells (tic-tac-toe) or above the columns (Connect Four). The status line says whose move it is or how the game ended.
     */
    static Scene scene(LineGame game, Annotations annotations, String name, String status) {
        int rows = game.rows(), cols = game.cols();
        Scene.Builder b = Scene.builder(new Viewport(0, 0, cols, rows + 1)).background(Color.WHITE);
        if (game.gravity()) {
            b.rect(0, 0, cols, rows, Color.BLUE);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int owner = game.cell(r, c);
                    Color color = owner < 0 ? Color.WHITE : owner == 0 ? Color.RED : Color.YELLOW;
                    b.circle(c + 0.5, rows - r - 0.5, 0.4, color);
                }
            }
        } else {
            for (int i = 1; i < cols; i++) b.line(i, 0, i, rows, 0.05, Color.DARK_GREY);
            for (int i = 1; i < rows; i++) b.line(0, i, cols, i, 0.05, Color.DARK_GREY);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double x = c + 0.5, y = rows - r - 0.5;
                    if (game.cell(r, c) == 0) {
                        b.line(x - 0.3, y - 0.3, x + 0.3, y + 0.3, 0.1, Color.BLUE);
                        b.line(x - 0.3, y + 0.3, x + 0.3, y - 0.3, 0.1, Color.BLUE);
                    } else if (game.cell(r, c) == 1) {
                        b.add(new Shape.Circle(x, y, 0.3, Color.TRANSPARENT, Color.RED, 0.1));
                    }
                }
            }
        }
        double[] values = annotations.get(Annotations.ACTION_VALUES);
        double[] visits = annotations.get(Annotations.VISIT_COUNTS);
        for (int a = 0; a < game.actions(); a++) {
            double x = game.gravity() ? a + 0.5 : a % cols + 0.5;
            double y = game.gravity() ? rows + 0.15 : rows - a / cols - 0.5;
            boolean both = values != null && visits != null;
            if (visits != null && visits.length == game.actions() && visits[a] > 0) {
                b.text(x, both ? y + 0.2 : y, "n " + Math.round(visits[a]), both ? 0.2 : 0.25, Color.DARK_GREY, Shape.Anchor.CENTER);
            }
            if (values != null && values.length == game.actions() && game.legal(a)) {
                b.text(x, both ? y - 0.03 : y, String.format(Locale.ROOT, "%.2f", values[a]), both ? 0.2 : 0.25, Color.DARK_GREY, Shape.Anchor.CENTER);
            }
        }
        b.text(0.1, rows + (values != null && visits != null ? 0.68 : 0.6), status, 0.35, Color.BLACK, Shape.Anchor.LEFT);
        return b.caption(name + ": " + status).build();
    }

    @Override
    public String toString() {
        return game.toString();
    }
}
