package dev.jgym.replays;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * Turns a frame into the 256-colour indexed image a GIF holds, in one pass over its pixels: the
 * frame's own colours when it has at most 256 (scenes are flat colours, so most frames do), else a
 * fixed 6 x 7 x 6 colour cube (anti-aliased text). Done here because the GIF encoder's own
 * quantizer builds an octree per frame and was most of the export's time.
 */
final class Palette {
    private Palette() {}

    private static final int R = 6, G = 7, B = 6;

    static BufferedImage indexed(BufferedImage frame) {
        int w = frame.getWidth(), h = frame.getHeight();
        int[] rgb = frame.getRGB(0, 0, w, h, null, 0, w);
        byte[] index = new byte[rgb.length];
        int[] colors = exact(rgb, index);
        IndexColorModel model;
        if (colors != null) {
            byte[] r = new byte[colors.length], g = new byte[colors.length], b = new byte[colors.length];
            for (int i = 0; i < colors.length; i++) {
                r[i] = (byte) (colors[i] >> 16);
                g[i] = (byte) (colors[i] >> 8);
                b[i] = (byte) colors[i];
            }
            int size = Math.max(2, Integer.highestOneBit(colors.length * 2 - 1)); // GIF colour tables hold a power of two
            model = new IndexColorModel(8, size, Arrays.copyOf(r, size), Arrays.copyOf(g, size), Arrays.copyOf(b, size));
        } else {
            byte[] r = new byte[R * G * B], g = new byte[r.length], b = new byte[r.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (byte) (i / (G * B) * 255 / (R - 1));
                g[i] = (byte) (i / B % G * 255 / (G - 1));
                b[i] = (byte) (i % B * 255 / (B - 1));
            }
            model = new IndexColorModel(8, 256, Arrays.copyOf(r, 256), Arrays.copyOf(g, 256), Arrays.copyOf(b, 256));
            for (int i = 0; i < rgb.length; i++) {
                int c = rgb[i];
                int ri = (((c >> 16) & 0xff) * (R - 1) + 127) / 255, gi = (((c >> 8) & 0xff) * (G - 1) + 127) / 255,
                        bi = ((c & 0xff) * (B - 1) + 127) / 255;
                index[i] = (byte) ((ri * G + gi) * B + bi);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        byte[] data = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(index, 0, data, 0, index.length);
        return out;
    }

    /** The distinct colours in first-seen order with each pixel's index filled in, or {@code null} past 256. */
    private static int[] exact(int[] rgb, byte[] index) {
        int[] keys = new int[1024];
        short[] slots = new short[1024];
        Arrays.fill(slots, (short) -1);
        int[] colors = new int[256];
        int n = 0, last = 0, lastIndex = -1;
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i] & 0xffffff;
            if (c == last && lastIndex >= 0) {
                index[i] = (byte) lastIndex;
                continue;
            }
            int h = (c * 0x9E3779B1) >>> 22;
            while (slots[h] >= 0 && keys[h] != c) h = (h + 1) & 1023;
            if (slots[h] < 0) {
                if (n == 256) return null;
                keys[h] = c;
                slots[h] = (short) n;
                colors[n++] = c;
            }
            last = c;
            lastIndex = slots[h];
            index[i] = (byte) lastIndex;
        }
        return Arrays.copyOf(colors, n);
    }
}
