package dev.jgym.replays;

import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.SceneRaster;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a scene into an image, in pure Java with no display: the shapes through core's exact
 * {@link SceneRaster}, then the scene's texts with {@code java.awt} in headless mode (anti-aliased
 * sans-serif, {@code size} world units tall, centred vertically on the anchor point). Pixel
 * observations use {@link SceneRaster} alone and so stay free of text.
 */
public final class RasterRenderer {
    private RasterRenderer() {}

    /** Width and height for a frame whose longer side is {@code longSide} pixels, keeping the viewport's aspect. */
    public static int[] size(Scene scene, int longSide) {
        Viewport v = scene.viewport();
        double aspect = v.width() / v.height();
        int w = aspect >= 1 ? longSide : (int) Math.max(1, Math.round(longSide * aspect));
        int h = aspect >= 1 ? (int) Math.max(1, Math.round(longSide / aspect)) : longSide;
        return new int[] {w, h};
    }

    /** The scene at {@code longSide} pixels on its longer side, texts included. */
    public static BufferedImage render(Scene scene, int longSide) {
        int[] s = size(scene, longSide);
        return render(scene, s[0], s[1], true);
    }

    /** The scene at exactly {@code width x height} pixels; {@code texts} draws its Text shapes too. */
    public static BufferedImage render(Scene scene, int width, int height, boolean texts) {
        SceneRaster raster = new SceneRaster(scene, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgba = raster.pixels();
        int[] rgb = new int[rgba.length];
        for (int i = 0; i < rgba.length; i++) rgb[i] = rgba[i] >>> 8;
        image.setRGB(0, 0, width, height, rgb, 0, width);
        if (texts) drawTexts(scene, raster, image);
        return image;
    }

    private static void drawTexts(Scene scene, SceneRaster raster, BufferedImage image) {
        double pixelsPerUnit = image.getHeight() / scene.viewport().height();
        Graphics2D g = null;
        try {
            for (Shape s : scene.shapes()) {
                if (!(s instanceof Shape.Text t) || t.text().isEmpty() || t.color().isTransparent()) continue;
                if (g == null) {
                    g = image.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                }
                float px = (float) Math.max(6, t.size() * pixelsPerUnit);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(px));
                FontMetrics fm = g.getFontMetrics();
                int width = fm.stringWidth(t.text());
                int x = raster.px(t.x());
                if (t.anchor() == Shape.Anchor.CENTER) x -= width / 2;
                else if (t.anchor() == Shape.Anchor.RIGHT) x -= width;
                int baseline = raster.py(t.y()) + (fm.getAscent() - fm.getDescent()) / 2;
                g.setColor(new java.awt.Color(t.color().red(), t.color().green(), t.color().blue(), t.color().alpha()));
                g.drawString(t.text(), x, baseline);
            }
        } finally {
            if (g != null) g.dispose();
        }
    }
}
