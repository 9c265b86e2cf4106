package dev.jgym.core.scene;

/**
 * Draws a scene in a terminal with 24-bit ANSI colours. Each character holds two pixels, one
 * above the other (the upper half block, foreground over background), so pixels come out square
 * on a usual terminal font. Texts are written as characters over the picture.
 */
public final class AnsiRenderer {
    private static final String UPPER_HALF = "\u2580";
    private static final String RESET = "\u001b[0m";

    private final int columns;

    /** A renderer that makes scenes {@code columns} characters wide. */
    public AnsiRenderer(int columns) {
        if (columns <= 0) throw new IllegalArgumentException("columns must be positive, was " + columns);
        this.columns = columns;
    }

    /** The scene as lines of text with ANSI colour codes, then the caption if there is one. */
    public String render(Scene scene) {
        Viewport v = scene.viewport();
        int pixelRows = Math.max(2, (int) Math.round(columns * v.height() / v.width()));
        pixelRows += pixelRows % 2;
        SceneRaster raster = new SceneRaster(scene, columns, pixelRows);
        int rows = pixelRows / 2;
        String[][] text = new String[rows][columns];
        int[][] textColor = new int[rows][columns];
        for (Shape s : scene.shapes()) {
            if (s instanceof Shape.Text t) placeText(raster, t, text, textColor);
        }
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            long fg = -1, bg = -1; // colours in effect: an escape is written only when one changes
            for (int col = 0; col < columns; col++) {
                int top = raster.get(col, 2 * row), bottom = raster.get(col, 2 * row + 1);
                boolean isText = text[row][col] != null;
                int wantFg = isText ? textColor[row][col] : top, wantBg = isText ? mix(top, bottom) : bottom;
                if (wantBg != bg) out.append(bg(wantBg));
                if (wantFg != fg) out.append(fg(wantFg));
                fg = wantFg;
                bg = wantBg;
                out.append(isText ? text[row][col] : UPPER_HALF);
            }
            out.append(RESET).append('\n');
        }
        if (!scene.caption().isEmpty()) out.append(scene.caption()).append('\n');
        return out.toString();
    }

    private void placeText(SceneRaster raster, Shape.Text t, String[][] text, int[][] color) {
        int row = Math.floorDiv(raster.py(t.y()), 2);
        int len = t.text().length();
        int col = switch (t.anchor()) {
            case LEFT -> raster.px(t.x());
            case RIGHT -> raster.px(t.x()) - len + 1;
            case CENTER -> raster.px(t.x()) - len / 2;
        };
        if (row < 0 || row >= text.length) return;
        for (int i = 0; i < len; i++) {
            int c = col + i;
            if (c >= 0 && c < columns) {
                text[row][c] = String.valueOf(t.text().charAt(i));
                color[row][c] = t.color().rgba();
            }
        }
    }

    private static int mix(int a, int b) {
        int r = ((a >>> 24) + (b >>> 24)) / 2, g = (((a >>> 16) & 0xff) + ((b >>> 16) & 0xff)) / 2;
        int bl = (((a >>> 8) & 0xff) + ((b >>> 8) & 0xff)) / 2;
        return (r << 24) | (g << 16) | (bl << 8) | 0xff;
    }

    private static String fg(int rgba) {
        return "\u001b[38;2;" + (rgba >>> 24) + ";" + ((rgba >>> 16) & 0xff) + ";" + ((rgba >>> 8) & 0xff) + "m";
    }

    private static String bg(int rgba) {
        return "\u001b[48;2;" + (rgba >>> 24) + ";" + ((rgba >>> 16) & 0xff) + ";" + ((rgba >>> 8) & 0xff) + "m";
    }

    /** The text with every ANSI escape removed (for logs and tests). */
    public static String strip(String ansi) {
        return ansi.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
