package dev.jgym.envs.grid;

import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;

/**
 * Drawing helpers shared by the grid envs: one world unit per cell, row 0 at the top, a header
 * strip above the grid for a line of text. Cell (row, col) spans x in [col, col + 1] and
 * y in [rows - row - 1, rows - row].
 */
public final class GridScene {
    /** Height of the text strip above the grid, in cells. */
    public static final double HEADER = 0.8;

    public static final Color ICE = Color.rgb(0xdcecf7);
    public static final Color HOLE = Color.rgb(0x1b3a57);
    public static final Color WALL = Color.rgb(0x3c3c3c);
    public static final Color FLOOR = Color.rgb(0xf4f1e8);
    public static final Color CLIFF = Color.rgb(0x7a4b2a);
    public static final Color GOAL = Color.rgb(0x2ca02c);
    public static final Color START = Color.rgb(0xc9b98f);
    public static final Color AGENT = Color.rgb(0xd62728);
    public static final Color GRID_LINE = Color.rgb(0xa0b4c8);

    private GridScene() {}

    /** A builder with the grid's viewport, its cells and thin lines between them. */
    public static Scene.Builder cells(int rows, int cols, Color[] colors) {
        Scene.Builder b = Scene.builder(new Viewport(0, 0, cols, rows + HEADER)).background(Color.WHITE);
        b.cells(0, 0, 1, cols, rows, colors);
        for (int c = 0; c <= cols; c++) b.line(c, 0, c, rows, 0.03, GRID_LINE);
        for (int r = 0; r <= rows; r++) b.line(0, r, cols, r, 0.03, GRID_LINE);
        return b;
    }

    public static double cx(int col) {
        return col + 0.5;
    }

    public static double cy(int rows, int row) {
        return rows - row - 0.5;
    }

    /** The agent: a filled circle in the cell. */
    public static void agent(Scene.Builder b, int rows, int row, int col, Color color) {
        b.add(new Shape.Circle(cx(col), cy(rows, row), 0.32, color, Color.BLACK, 0.04));
    }

    /** A short text centred in the cell. */
    public static void label(Scene.Builder b, int rows, int row, int col, String text, Color color) {
        b.text(cx(col), cy(rows, row), text, 0.45, color, Shape.Anchor.CENTER);
    }

    /**
     * A one-dimensional task as a 10-wide track (the gambler's capital, the 1000-state walk): the
     * track, a filled part from x = 1 + {@code from} of {@code width}, the end labels under it and
     * a status line above; the caller adds the caption.
     */
    public static Scene.Builder track(double from, double width, Color fill, String left, String right, String status) {
        Scene.Builder b = Scene.builder(new Viewport(0, 0, 12, 4)).background(Color.WHITE);
        b.outlinedRect(1, 1.2, 10, 1, Color.rgb(0xf4f1e8), Color.BLACK, 0.04);
        b.rect(1 + from, 1.2, width, 1, fill);
        b.text(1, 0.6, left, 0.4, Color.BLACK, Shape.Anchor.CENTER);
        b.text(11, 0.6, right, 0.4, Color.BLACK, Shape.Anchor.CENTER);
        b.text(6, 3.1, status, 0.5, Color.BLACK, Shape.Anchor.CENTER);
        return b;
    }

    /** A line of text in the header strip. */
    public static void header(Scene.Builder b, int rows, int cols, String text) {
        b.text(0.1, rows + HEADER / 2, text, HEADER * 0.6, Color.BLACK, Shape.Anchor.LEFT);
    }

    /** An arrow from the centre of a cell by (dx, dy) cells (for wind, last moves). */
    public static void arrow(Scene.Builder b, int rows, int row, int col, double dx, double dy, Color color) {
        double x = cx(col), y = cy(rows, row);
        b.line(x, y, x + dx, y + dy, 0.06, color);
    }
}
