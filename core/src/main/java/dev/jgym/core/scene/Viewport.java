package dev.jgym.core.scene;

/**
 * The world rectangle a scene shows, in world units with y pointing up. Renderers map it to
 * their pixels or characters, keeping its aspect ratio.
 */
public record Viewport(double minX, double minY, double maxX, double maxY) {
    public Viewport {
        if (!(maxX > minX && maxY > minY)) {
            throw new IllegalArgumentException("empty viewport [" + minX + ", " + maxX + "] x [" + minY + ", " + maxY + "]");
        }
    }

    public double width() {
        return maxX - minX;
    }

    public double height() {
        return maxY - minY;
    }
}
