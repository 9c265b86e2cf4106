package dev.jgym.core.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * AnsiRenderer: each character is two pixels, the upper one as foreground of U+2580 and the lower
 * one as background, in 24-bit colour (ESC[38;2;r;g;bm and ESC[48;2;r;g;bm, ECMA-48 / ISO 8613-6).
 */
class AnsiRendererTest {
    private static final String ESC = "\u001b[";
    private static final String HALF = "\u2580";

    @Test
    @DisplayName("red top over blue bottom: bg blue, fg red once, then upper half blocks (escapes only on a change); each line resets")
    void halfBlocksCarryTwoPixels() {
        // viewport 4 x 2 at 4 columns: 4 x 2 pixels of one world unit each, one text row
        Scene scene = Scene.builder(new Viewport(0, 0, 4, 2)).background(Color.BLUE).rect(0, 1, 4, 1, Color.RED).build();
        String colours = ESC + "48;2;31;119;180m" + ESC + "38;2;214;39;40m";
        assertEquals(colours + HALF.repeat(4) + ESC + "0m\n", new AnsiRenderer(4).render(scene));
    }

    @Test
    @DisplayName("text is written at its anchor: LEFT at x, CENTER around x, RIGHT ending at x; row from y (top row first)")
    void textPlacement() {
        // viewport 10 x 4 at 10 columns: 10 x 4 pixels, two text rows (world y 2..4 is row 0)
        Scene scene = Scene.builder(new Viewport(0, 0, 10, 4))
                .text(2, 3.5, "hi", 1, Color.BLACK, Shape.Anchor.LEFT)
                .text(5, 0.5, "abc", 1, Color.BLACK, Shape.Anchor.CENTER)
                .text(9.5, 2.2, "xy", 1, Color.BLACK, Shape.Anchor.RIGHT)
                .caption("step 3")
                .build();
        String plain = AnsiRenderer.strip(new AnsiRenderer(10).render(scene));
        String h = HALF;
        assertEquals(h + h + "hi" + h.repeat(4) + "xy\n" + h.repeat(4) + "abc" + h.repeat(3) + "\nstep 3\n", plain);
    }

    @Test
    @DisplayName("a text character has the text colour as foreground over the mix of its two pixels")
    void textColours() {
        Scene scene = Scene.builder(new Viewport(0, 0, 1, 2)).background(Color.WHITE).rect(0, 0, 1, 1, Color.BLACK)
                .text(0, 1, "A", 1, Color.RED, Shape.Anchor.LEFT).build();
        // pixels: white above, black below; their mix is (255 + 0) / 2 = 127
        assertEquals(ESC + "48;2;127;127;127m" + ESC + "38;2;214;39;40mA" + ESC + "0m\n", new AnsiRenderer(1).render(scene));
    }

    @Test
    @DisplayName("text running past the right edge is clipped; text above the view is dropped")
    void textClipped() {
        Scene scene = Scene.builder(new Viewport(0, 0, 4, 2)).text(2, 1, "long", 1, Color.BLACK, Shape.Anchor.LEFT)
                .text(0, 5, "gone", 1, Color.BLACK, Shape.Anchor.LEFT).build();
        assertEquals(HALF + HALF + "lo\n", AnsiRenderer.strip(new AnsiRenderer(4).render(scene)));
    }

    @Test
    @DisplayName("strip removes colour escapes only; columns must be positive")
    void strip() {
        assertEquals("ab c", AnsiRenderer.strip(ESC + "38;2;1;2;3ma" + ESC + "0mb c"));
        assertThrows(IllegalArgumentException.class, () -> new AnsiRenderer(0));
        assertTrue(new AnsiRenderer(3).render(Scene.builder(new Viewport(0, 0, 3, 100)).build()).split("\n").length > 10,
                "a tall view gives many rows");
    }
}
