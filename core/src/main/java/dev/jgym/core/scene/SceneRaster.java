package dev.jgym.core.scene;

/**
 * Turns a scene's shapes into pixels, in pure Java (no display, no AWT): the common ground of
 * the terminal renderer, exported frames and pixel observations. Each pixel takes the colour of
 * the last shape covering its centre (no anti-aliasing, so output is exact and reproducible).
 * Text is not rasterised here; renderers place it themselves.
 */
public final class SceneRaster {
    private final Viewport view;
    private final int width, height;
    private final int[] rgba;
    private final double sx, sy;

    /** A {@code width x height} canvas showing the scene's viewport, filled with its background. */
    public SceneRaster(Scene scene, int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("raster size must be positive: " + width + "x" + height);
        this.view = scene.viewport();
        this.width = width;
        this.height = height;
        this.rgba = new int[width * height];
        this.sx = width / view.width();
        this.sy = height / view.height();
        java.util.Arrays.fill(rgba, scene.background().rgba());
        for (Shape s : scene.shapes()) draw(s);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixel (px, py), row 0 at the top, as {@code 0xRRGGBBAA}. */
    public int get(int px, int py) {
        return rgba[py * width + px];
    }

    /** All pixels, row-major from the top row. */
    public int[] pixels() {
        return rgba.clone();
    }

    /** World x of a pixel column's centre. */
    private double wx(int px) {
        return view.minX() + (px + 0.5) / sx;
    }

    /** World y of a pixel row's centre (row 0 at the top). */
    private double wy(int py) {
        return view.maxY() - (py + 0.5) / sy;
    }

    /** Column of world x (may be out of range). */
    public int px(double x) {
        return (int) Math.floor((x - view.minX()) * sx);
    }

    /** Row of world y (may be out of range). */
    public int py(double y) {
        return (int) Math.floor((view.maxY() - y) * sy);
    }

    private void draw(Shape shape) {
        if (shape instanceof Shape.Rect r) {
            fillWhere(r.x(), r.y(), r.x() + r.width(), r.y() + r.height(), r.fill(),
                    (x, y) -> x >= r.x() && x < r.x() + r.width() && y >= r.y() && y < r.y() + r.height());
            if (!r.stroke().isTransparent() && r.strokeWidth() > 0) {
                double x0 = r.x(), y0 = r.y(), x1 = r.x() + r.width(), y1 = r.y() + r.height(), w = r.strokeWidth();
                line(x0, y0, x1, y0, w, r.stroke());
                line(x1, y0, x1, y1, w, r.stroke());
                line(x1, y1, x0, y1, w, r.stroke());
                line(x0, y1, x0, y0, w, r.stroke());
            }
        } else if (shape instanceof Shape.Circle c) {
            double r2 = c.radius() * c.radius();
            fillWhere(c.cx() - c.radius(), c.cy() - c.radius(), c.cx() + c.radius(), c.cy() + c.radius(), c.fill(),
                    (x, y) -> (x - c.cx()) * (x - c.cx()) + (y - c.cy()) * (y - c.cy()) <= r2);
            if (!c.stroke().isTransparent() && c.strokeWidth() > 0) {
                double outer = c.radius() + c.strokeWidth() / 2, inner = Math.max(0, c.radius() - c.strokeWidth() / 2);
                fillWhere(c.cx() - outer, c.cy() - outer, c.cx() + outer, c.cy() + outer, c.stroke(), (x, y) -> {
                    double d2 = (x - c.cx()) * (x - c.cx()) + (y - c.cy()) * (y - c.cy());
                    return d2 <= outer * outer && d2 >= inner * inner;
                });
            }
        } else if (shape instanceof Shape.Line l) {
            line(l.x1(), l.y1(), l.x2(), l.y2(), l.width(), l.color());
        } else if (shape instanceof Shape.Polygon p) {
            double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int i = 0; i < p.xs().length; i++) {
                minX = Math.min(minX, p.xs()[i]);
                maxX = Math.max(maxX, p.xs()[i]);
                minY = Math.min(minY, p.ys()[i]);
                maxY = Math.max(maxY, p.ys()[i]);
            }
            fillWhere(minX, minY, maxX, maxY, p.fill(), (x, y) -> insidePolygon(p.xs(), p.ys(), x, y));
            if (!p.stroke().isTransparent() && p.strokeWidth() > 0) {
                int n = p.xs().length;
                for (int i = 0; i < n; i++) {
                    line(p.xs()[i], p.ys()[i], p.xs()[(i + 1) % n], p.ys()[(i + 1) % n], p.strokeWidth(), p.stroke());
                }
            }
        } else if (shape instanceof Shape.Cells g) {
            for (int row = 0; row < g.rows(); row++) {
                for (int col = 0; col < g.cols(); col++) {
                    double x0 = g.x() + col * g.cellSize(), y0 = g.y() + (g.rows() - 1 - row) * g.cellSize();
                    double x1 = x0 + g.cellSize(), y1 = y0 + g.cellSize();
                    fillWhere(x0, y0, x1, y1, g.at(row, col), (x, y) -> x >= x0 && x < x1 && y >= y0 && y < y1);
                }
            }
        }
        // Shape.Text is placed by renderers
    }

    private void line(double x1, double y1, double x2, double y2, double width, Color color) {
        // at least one pixel wide, so thin lines never vanish at low resolution
        double half = Math.max(width, 1.0 / Math.min(sx, sy)) / 2;
        double dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
        fillWhere(Math.min(x1, x2) - half, Math.min(y1, y2) - half, Math.max(x1, x2) + half, Math.max(y1, y2) + half, color, (x, y) -> {
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
            double ex = x - (x1 + t * dx), ey = y - (y1 + t * dy);
            return ex * ex + ey * ey <= half * half;
        });
    }

    private static boolean insidePolygon(double[] xs, double[] ys, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) inside = !inside;
        }
        return inside;
    }

    private interface Inside {
        boolean test(double x, double y);
    }

    private void fillWhere(double minX, double minY, double maxX, double maxY, Color color, Inside inside) {
        if (color.isTransparent()) return;
        // clamp in double before casting: a shape reaching far past the view must not overflow an int
        int c0 = (int) Math.max(0, Math.floor((minX - view.minX()) * sx) - 1);
        int c1 = (int) Math.min(width - 1, Math.floor((maxX - view.minX()) * sx) + 1);
        int r0 = (int) Math.max(0, Math.floor((view.maxY() - maxY) * sy) - 1);
        int r1 = (int) Math.min(height - 1, Math.floor((view.maxY() - minY) * sy) + 1);
        for (int py = r0; py <= r1; py++) {
            double y = wy(py);
            for (int px = c0; px <= c1; px++) {
                if (inside.test(wx(px), y)) rgba[py * width + px] = blend(rgba[py * width + px], color);
            }
        }
    }

    private static int blend(int under, Color over) {
        int a = over.alpha();
        if (a == 255) return over.rgba();
        int r = (over.red() * a + (under >>> 24) * (255 - a)) / 255;
        int g = (over.green() * a + ((under >>> 16) & 0xff) * (255 - a)) / 255;
        int b = (over.blue() * a + ((under >>> 8) & 0xff) * (255 - a)) / 255;
        return (r << 24) | (g << 16) | (b << 8) | 0xff;
    }
}
