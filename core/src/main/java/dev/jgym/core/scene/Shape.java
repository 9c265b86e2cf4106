package dev.jgym.core.scene;

/**
 * What a scene is made of, in world units (y up). Renderers draw shapes in list order, later
 * over earlier. A transparent fill or stroke is not drawn.
 */
public sealed interface Shape {

    /** An axis-aligned rectangle with its lower-left corner at (x, y). */
    record Rect(double x, double y, double width, double height, Color fill, Color stroke, double strokeWidth) implements Shape {}

    /** A circle around (cx, cy). */
    record Circle(double cx, double cy, double radius, Color fill, Color stroke, double strokeWidth) implements Shape {}

    /** A straight segment. */
    record Line(double x1, double y1, double x2, double y2, double width, Color color) implements Shape {}

    /** A closed polygon through {@code xs[i], ys[i]} (a rotated pole, an arrow head). */
    record Polygon(double[] xs, double[] ys, Color fill, Color stroke, double strokeWidth) implements Shape {
        public Polygon {
            if (xs.length != ys.length || xs.length < 3) throw new IllegalArgumentException("a polygon needs >= 3 points, x and y alike");
            xs = xs.clone();
            ys = ys.clone();
        }
    }

    /** Text of a given height (world units) anchored at (x, y). */
    record Text(double x, double y, String text, double size, Color color, Anchor anchor) implements Shape {}

    /**
     * A grid of square cells of side {@code cellSize} whose lower-left corner is (x, y); row 0 is
     * the top row, as grids are written; {@code colors[row * cols + col]}.
     */
    record Cells(double x, double y, double cellSize, int cols, int rows, Color[] colors) implements Shape {
        public Cells {
            if (colors.length != cols * rows) throw new IllegalArgumentException("cells need " + cols * rows + " colours, found " + colors.length);
            colors = colors.clone();
        }

        public Color at(int row, int col) {
            return colors[row * cols + col];
        }
    }

    /** Where a text's anchor point sits relative to the text. */
    enum Anchor { CENTER, LEFT, RIGHT }
}
