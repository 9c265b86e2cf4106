package dev.jgym.core.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SceneRaster on a 10 x 10 world drawn at 10 x 10 pixels: pixel (px, py) has its centre at world
 * (px + 0.5, 9.5 - py), so y points up in the world and row 0 is the top row of pixels. A pixel
 * takes the colour of the last shape covering its centre.
 */
class SceneRasterTest {
    private static final Viewport TEN = new Viewport(0, 0, 10, 10);
    private static final int BG = Color.WHITE.rgba(), RED = Color.RED.rgba(), BLUE = Color.BLUE.rgba();

    private static SceneRaster raster(Scene.Builder b) {
        return new SceneRaster(b.build(), 10, 10);
    }

    /** The raster as 10 lines of characters: '.' background, else the code given for a colour. */
    private static String picture(SceneRaster r) {
        StringBuilder sb = new StringBuilder();
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int c = r.get(px, py);
                sb.append(c == BG ? '.' : c == RED ? 'R' : c == BLUE ? 'B' : c == Color.GREEN.rgba() ? 'G' : c == Color.ORANGE.rgba() ? 'O' : '?');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Test
    @DisplayName("rect (2, 3) 4 x 2: columns 2-5, rows 5-6 (y up: world y 3..5 is near the bottom)")
    void rect() {
        SceneRaster r = raster(Scene.builder(TEN).rect(2, 3, 4, 2, Color.RED));
        assertEquals("""
                ..........
                ..........
                ..........
                ..........
                ..........
                ..RRRR....
                ..RRRR....
                ..........
                ..........
                ..........
                """, picture(r));
    }

    @Test
    @DisplayName("circle at (5, 5) radius 2: pixel centres within distance 2")
    void circle() {
        SceneRaster r = raster(Scene.builder(TEN).circle(5, 5, 2, Color.BLUE));
        assertEquals("""
                ..........
                ..........
                ..........
                ....BB....
                ...BBBB...
                ...BBBB...
                ....BB....
                ..........
                ..........
                ..........
                """, picture(r));
    }

    @Test
    @DisplayName("lines: horizontal at y = 2.5 is row 7; a hair-thin line is still one pixel wide; vertical at x = 0.5 is column 0")
    void lines() {
        SceneRaster r = raster(Scene.builder(TEN).line(0, 2.5, 10, 2.5, 1, Color.RED).line(0.5, 10, 0.5, 5, 0.001, Color.BLUE));
        assertEquals("""
                B.........
                B.........
                B.........
                B.........
                B.........
                B.........
                ..........
                RRRRRRRRRR
                ..........
                ..........
                """, picture(r));
    }

    @Test
    @DisplayName("polygon: the triangle (0,0) (10.5,0) (0,10.5) fills the pixel centres with x + y < 10.5, lower left")
    void polygon() {
        SceneRaster r = raster(Scene.builder(TEN).add(
                new Shape.Polygon(new double[] {0, 10.5, 0}, new double[] {0, 0, 10.5}, Color.RED, Color.TRANSPARENT, 0)));
        assertEquals("""
                R.........
                RR........
                RRR.......
                RRRR......
                RRRRR.....
                RRRRRR....
                RRRRRRR...
                RRRRRRRR..
                RRRRRRRRR.
                RRRRRRRRRR
                """, picture(r));
    }

    @Test
    @DisplayName("cells: row 0 of the grid is its top row (colors[row * cols + col])")
    void cells() {
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE};
        SceneRaster r = raster(Scene.builder(TEN).cells(0, 0, 5, 2, 2, colors));
        assertEquals(RED, r.get(0, 0), "top left");
        assertEquals(Color.GREEN.rgba(), r.get(9, 0), "top right");
        assertEquals(BLUE, r.get(0, 9), "bottom left");
        assertEquals(Color.ORANGE.rgba(), r.get(9, 9), "bottom right");
        assertEquals(RED, r.get(4, 4));
        assertEquals(Color.ORANGE.rgba(), r.get(5, 5));
    }

    @Test
    @DisplayName("later shapes draw over earlier ones; transparent fills are not drawn")
    void drawingOrder() {
        SceneRaster redThenBlue = raster(Scene.builder(TEN).rect(0, 0, 10, 10, Color.RED).circle(5, 5, 1, Color.BLUE)
                .circle(1, 1, 3, Color.TRANSPARENT));
        assertEquals(BLUE, redThenBlue.get(5, 4));
        assertEquals(RED, redThenBlue.get(0, 0));
        assertEquals(RED, redThenBlue.get(0, 9), "a transparent circle leaves what is under it");
        SceneRaster blueThenRed = raster(Scene.builder(TEN).circle(5, 5, 1, Color.BLUE).rect(0, 0, 10, 10, Color.RED));
        assertEquals(RED, blueThenRed.get(5, 4));
    }

    @Test
    @DisplayName("half-transparent black over white blends to grey 0x7f7f7f: (0 * 128 + 255 * 127) / 255 = 127")
    void alphaBlend() {
        SceneRaster r = raster(Scene.builder(TEN).rect(0, 0, 10, 10, new Color(0x00000080)));
        assertEquals(0x7f7f7fff, r.get(3, 3));
    }

    @Test
    @DisplayName("a rect far larger than the viewport (a ground reaching past the view by 1e12) still covers every pixel")
    void hugeShapesStillDraw() {
        SceneRaster r = raster(Scene.builder(TEN).rect(-1e12, -1e12, 2e12, 2e12, Color.RED));
        assertEquals(RED, r.get(0, 0));
        assertEquals(RED, r.get(9, 9));
        SceneRaster line = raster(Scene.builder(TEN).line(-1e12, 0.5, 1e12, 0.5, 1, Color.BLUE));
        assertEquals(BLUE, line.get(0, 9));
        assertEquals(BLUE, line.get(9, 9));
    }

    @Test
    @DisplayName("a shape wholly outside the viewport draws nothing; a non-square raster scales each axis")
    void outsideAndScaling() {
        assertEquals("..........\n".repeat(10), picture(raster(Scene.builder(TEN).rect(20, 20, 5, 5, Color.RED))));
        SceneRaster wide = new SceneRaster(Scene.builder(new Viewport(0, 0, 2, 1)).rect(1, 0, 1, 1, Color.RED).build(), 8, 2);
        assertEquals(BG, wide.get(3, 0));
        assertEquals(RED, wide.get(4, 0));
        assertEquals(RED, wide.get(7, 1));
        assertThrows(IllegalArgumentException.class, () -> new SceneRaster(Scene.builder(TEN).build(), 0, 5));
    }
}
