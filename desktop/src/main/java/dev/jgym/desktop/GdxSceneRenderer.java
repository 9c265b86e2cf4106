package dev.jgym.desktop;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.glutils.HdpiUtils;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.EarClippingTriangulator;
import com.badlogic.gdx.math.Rectangle;
import com.badlogic.gdx.utils.Disposable;
import com.badlogic.gdx.utils.ShortArray;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;

/**
 * Draws any env's {@link Scene} with libgdx: one {@link ShapeRenderer} pass for the shapes in
 * their order (rectangles, circles, lines, polygons, cells, strokes as filled bands), then a
 * {@link BitmapFont} pass for the texts. The scene's viewport is fitted into a screen rectangle
 * with its aspect ratio kept ({@link #fit}). Screen coordinates are libgdx's: pixels, y up.
 */
public final class GdxSceneRenderer implements Disposable {
    private final ShapeRenderer shapes = new ShapeRenderer();
    private final SpriteBatch batch = new SpriteBatch();
    private final BitmapFont font = new BitmapFont();
    private final GlyphLayout layout = new GlyphLayout();
    private final EarClippingTriangulator triangulator = new EarClippingTriangulator();
    private final com.badlogic.gdx.graphics.Color tmp = new com.badlogic.gdx.graphics.Color();

    /** The font's cap height at scale 1 (the font data's own value changes with its scale). */
    private final float capHeight;

    public GdxSceneRenderer() {
        font.setUseIntegerPositions(false);
        capHeight = font.getData().capHeight;
    }

    /** The largest rectangle inside {@code area} with the viewport's aspect, centred. */
    public static Rectangle fit(Viewport v, Rectangle area) {
        double scale = Math.min(area.width / v.width(), area.height / v.height());
        float w = (float) (v.width() * scale), h = (float) (v.height() * scale);
        return new Rectangle(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    }

    public ShapeRenderer shapes() {
        return shapes;
    }

    public SpriteBatch batch() {
        return batch;
    }

    public BitmapFont font() {
        return font;
    }

    /** Sets the projection of both passes to the window's pixels. */
    public void resize(int width, int height) {
        shapes.getProjectionMatrix().setToOrtho2D(0, 0, width, height);
        batch.getProjectionMatrix().setToOrtho2D(0, 0, width, height);
    }

    /** Draws {@code scene} fitted into {@code area}; returns the rectangle it covers. */
    public Rectangle draw(Scene scene, Rectangle area) {
        Viewport v = scene.viewport();
        Rectangle r = fit(v, area);
        float sx = (float) (r.width / v.width()), sy = (float) (r.height / v.height());
        Gdx.gl.glEnable(GL20.GL_BLEND);
        Gdx.gl.glBlendFunc(GL20.GL_SRC_ALPHA, GL20.GL_ONE_MINUS_SRC_ALPHA);
        // shapes reaching past the viewport (terrain, clouds) are cut at the scene's rectangle
        Gdx.gl.glEnable(GL20.GL_SCISSOR_TEST);
        HdpiUtils.glScissor((int) Math.floor(r.x), (int) Math.floor(r.y), (int) Math.ceil(r.width), (int) Math.ceil(r.height));
        shapes.begin(ShapeRenderer.ShapeType.Filled);
        fill(scene.background());
        shapes.rect(r.x, r.y, r.width, r.height);
        for (Shape s : scene.shapes()) drawShape(s, v, r, sx, sy);
        shapes.end();
        boolean anyText = false;
        for (Shape s : scene.shapes()) anyText |= s instanceof Shape.Text;
        if (anyText) {
            batch.begin();
            for (Shape s : scene.shapes()) {
                if (s instanceof Shape.Text t) {
                    text(t.text(), X(v, r, sx, t.x()), Y(v, r, sy, t.y()), (float) (t.size() * sy), t.color(), t.anchor(), r);
                }
            }
            batch.end();
        }
        Gdx.gl.glDisable(GL20.GL_SCISSOR_TEST);
        return r;
    }

    private static float X(Viewport v, Rectangle r, float sx, double x) {
        return r.x + (float) ((x - v.minX()) * sx);
    }

    private static float Y(Viewport v, Rectangle r, float sy, double y) {
        return r.y + (float) ((y - v.minY()) * sy);
    }

    private void drawShape(Shape shape, Viewport v, Rectangle r, float sx, float sy) {
        if (shape instanceof Shape.Rect q) {
            float x = X(v, r, sx, q.x()), y = Y(v, r, sy, q.y()), w = (float) (q.width() * sx), h = (float) (q.height() * sy);
            if (fill(q.fill())) shapes.rect(x, y, w, h);
            if (q.strokeWidth() > 0 && fill(q.stroke())) {
                float sw = Math.max(1, (float) (q.strokeWidth() * sx));
                shapes.rectLine(x, y, x + w, y, sw);
                shapes.rectLine(x + w, y, x + w, y + h, sw);
                shapes.rectLine(x + w, y + h, x, y + h, sw);
                shapes.rectLine(x, y + h, x, y, sw);
            }
        } else if (shape instanceof Shape.Circle c) {
            float x = X(v, r, sx, c.cx()), y = Y(v, r, sy, c.cy()), rad = (float) (c.radius() * sx);
            int segments = Math.max(16, Math.min(96, (int) rad));
            float sw = (float) (c.strokeWidth() * sx);
            if (c.strokeWidth() > 0 && fill(c.stroke())) {
                shapes.circle(x, y, rad + sw / 2, segments);
                if (fill(c.fill().isTransparent() ? Color.TRANSPARENT : c.fill())) shapes.circle(x, y, Math.max(0, rad - sw / 2), segments);
            } else if (fill(c.fill())) {
                shapes.circle(x, y, rad, segments);
            }
        } else if (shape instanceof Shape.Line l) {
            if (fill(l.color())) {
                shapes.rectLine(X(v, r, sx, l.x1()), Y(v, r, sy, l.y1()), X(v, r, sx, l.x2()), Y(v, r, sy, l.y2()), Math.max(1, (float) (l.width() * sx)));
            }
        } else if (shape instanceof Shape.Polygon p) {
            int n = p.xs().length;
            float[] pts = new float[2 * n];
            for (int i = 0; i < n; i++) {
                pts[2 * i] = X(v, r, sx, p.xs()[i]);
                pts[2 * i + 1] = Y(v, r, sy, p.ys()[i]);
            }
            if (fill(p.fill())) {
                ShortArray tris = triangulator.computeTriangles(pts);
                for (int i = 0; i + 2 < tris.size; i += 3) {
                    int a = tris.get(i) * 2, b = tris.get(i + 1) * 2, c = tris.get(i + 2) * 2;
                    shapes.triangle(pts[a], pts[a + 1], pts[b], pts[b + 1], pts[c], pts[c + 1]);
                }
            }
            if (p.strokeWidth() > 0 && fill(p.stroke())) {
                float sw = Math.max(1, (float) (p.strokeWidth() * sx));
                for (int i = 0; i < n; i++) {
                    int j = (i + 1) % n;
                    shapes.rectLine(pts[2 * i], pts[2 * i + 1], pts[2 * j], pts[2 * j + 1], sw);
                }
            }
        } else if (shape instanceof Shape.Cells g) {
            float size = (float) (g.cellSize() * sx);
            for (int row = 0; row < g.rows(); row++) {
                for (int col = 0; col < g.cols(); col++) {
                    if (fill(g.at(row, col))) {
                        shapes.rect(X(v, r, sx, g.x() + col * g.cellSize()), Y(v, r, sy, g.y() + (g.rows() - 1 - row) * g.cellSize()), size, size);
                    }
                }
            }
        }
    }

    /** Sets the fill colour; false (draw nothing) when it is transparent. */
    private boolean fill(Color c) {
        if (c.isTransparent()) return false;
        shapes.setColor(tmp.set(c.rgba()));
        return true;
    }

    /** Text of height {@code px} pixels, vertically centred on y; call between batch begin and end. */
    public void text(String s, float x, float y, float px, Color color, Shape.Anchor anchor) {
        text(s, x, y, px, color, anchor, null);
    }

    /** As above, shrunk when needed so the text stays inside {@code bounds} (a scene's rectangle). */
    private void text(String s, float x, float y, float px, Color color, Shape.Anchor anchor, Rectangle bounds) {
        if (s.isEmpty() || color.isTransparent()) return;
        float scale = Math.max(0.5f, px / capHeight / 1.4f);
        font.getData().setScale(scale);
        font.setColor(tmp.set(color.rgba()));
        layout.setText(font, s);
        if (bounds != null) {
            float room = anchor == Shape.Anchor.LEFT ? bounds.x + bounds.width - x : anchor == Shape.Anchor.RIGHT ? x - bounds.x
                    : 2 * Math.min(x - bounds.x, bounds.x + bounds.width - x);
            if (layout.width > room && room > 0) {
                font.getData().setScale(Math.max(0.3f, scale * room / layout.width * 0.98f));
                layout.setText(font, s);
            }
        }
        float left = anchor == Shape.Anchor.LEFT ? x : anchor == Shape.Anchor.RIGHT ? x - layout.width : x - layout.width / 2;
        font.draw(batch, layout, left, y + layout.height / 2);
    }

    @Override
    public void dispose() {
        shapes.dispose();
        batch.dispose();
        font.dispose();
    }
}
