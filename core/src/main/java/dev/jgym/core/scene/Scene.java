package dev.jgym.core.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * How an env looks at one moment, as data: a viewport, a background and shapes in drawing order.
 * The desktop viewer, frame export, pixel observations and the terminal all draw scenes, so an
 * env never needs drawing code of its own.
 */
public record Scene(Viewport viewport, Color background, List<Shape> shapes, String caption) {
    public Scene {
        shapes = List.copyOf(shapes);
        caption = caption == null ? "" : caption;
    }

    public static Builder builder(Viewport viewport) {
        return new Builder(viewport);
    }

    /** Collects shapes in drawing order. */
    public static final class Builder {
        private final Viewport viewport;
        private final List<Shape> shapes = new ArrayList<>();
        private Color background = Color.WHITE;
        private String caption = "";

        private Builder(Viewport viewport) {
            this.viewport = viewport;
        }

        public Builder background(Color color) {
            this.background = color;
            return this;
        }

        public Builder caption(String text) {
            this.caption = text;
            return this;
        }

        public Builder add(Shape shape) {
            shapes.add(shape);
            return this;
        }

        public Builder rect(double x, double y, double w, double h, Color fill) {
            return add(new Shape.Rect(x, y, w, h, fill, Color.TRANSPARENT, 0));
        }

        public Builder outlinedRect(double x, double y, double w, double h, Color fill, Color stroke, double strokeWidth) {
            return add(new Shape.Rect(x, y, w, h, fill, stroke, strokeWidth));
        }

        public Builder circle(double cx, double cy, double r, Color fill) {
            return add(new Shape.Circle(cx, cy, r, fill, Color.TRANSPARENT, 0));
        }

        public Builder line(double x1, double y1, double x2, double y2, double width, Color color) {
            return add(new Shape.Line(x1, y1, x2, y2, width, color));
        }

        public Builder text(double x, double y, String text, double size, Color color, Shape.Anchor anchor) {
            return add(new Shape.Text(x, y, text, size, color, anchor));
        }

        public Builder cells(double x, double y, double cellSize, int cols, int rows, Color[] colors) {
            return add(new Shape.Cells(x, y, cellSize, cols, rows, colors));
        }

        public Scene build() {
            return new Scene(viewport, background, shapes, caption);
        }
    }
}
