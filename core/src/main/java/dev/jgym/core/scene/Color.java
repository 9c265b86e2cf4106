package dev.jgym.core.scene;

/** An sRGB colour with alpha, packed as {@code 0xRRGGBBAA}. */
public record Color(int rgba) {
    public static final Color BLACK = rgb(0x000000);
    public static final Color WHITE = rgb(0xffffff);
    public static final Color GREY = rgb(0x808080);
    public static final Color LIGHT_GREY = rgb(0xd0d0d0);
    public static final Color DARK_GREY = rgb(0x404040);
    public static final Color RED = rgb(0xd62728);
    public static final Color GREEN = rgb(0x2ca02c);
    public static final Color BLUE = rgb(0x1f77b4);
    public static final Color ORANGE = rgb(0xff7f0e);
    public static final Color PURPLE = rgb(0x9467bd);
    public static final Color YELLOW = rgb(0xf2c12e);
    public static final Color TRANSPARENT = new Color(0);

    /** An opaque colour from {@code 0xRRGGBB}. */
    public static Color rgb(int rgb) {
        return new Color((rgb << 8) | 0xff);
    }

    public int red() {
        return rgba >>> 24;
    }

    public int green() {
        return (rgba >>> 16) & 0xff;
    }

    public int blue() {
        return (rgba >>> 8) & 0xff;
    }

    public int alpha() {
        return rgba & 0xff;
    }

    public boolean isTransparent() {
        return alpha() == 0;
    }
}
