package dev.jgym.nn.cpu;

import dev.jgym.nn.Window2d;
import java.util.Arrays;

/**
 * The convolution's operands written straight into the packed panel layouts of the GEMM
 * micro-kernel ({@link MicroKernel}), so im2col is one copy instead of an im2col matrix that GEMM
 * then packs again; and the kernel's tiles written straight back into NCHW (forward) or summed
 * into dx (col2im, backward).
 *
 * <p>Columns: a group of images {@code [n0, n1)} has {@code (n1 - n0) P} im2col columns
 * (P = output positions per image), column {@code col} being image {@code n0 + col / P}, output
 * position {@code col % P}. A panel of {@code nr} consecutive columns is cut into <em>runs</em>:
 * maximal stretches that stay in one output row of one image, so that along a run the input
 * (stride 1) and the output are contiguous. Rows: tap {@code t = (c kh + a) kw + b} of the
 * patch (the weight's column order).
 *
 * <p>Packed lanes past the last real row or column (the panel's tail) are left as they are: the
 * micro-kernel keeps every tile element to its own row and column, and the tails' tile elements
 * are never read.
 */
final class ConvPanels {
    final Window2d g;
    final int nr, plane, patch;
    /** Per tap: offset of its channel plane in an example, row offset a d, column offset b d. */
    private final int[] tapPlane, tapRow, tapCol;
    /** Runs of the current panel: image, output row, output column, length, column offset in the panel. */
    final int[] runImage, runRow, runCol, runLength, runOffset;
    int runs;

    ConvPanels(Window2d g, int nr) {
        this.g = g;
        this.nr = nr;
        this.plane = g.outPlane();
        this.patch = g.patchSize();
        int kh = g.kernelH(), kw = g.kernelW(), d = g.dilation();
        tapPlane = new int[patch];
        tapRow = new int[patch];
        tapCol = new int[patch];
        for (int t = 0; t < patch; t++) {
            tapPlane[t] = t / (kh * kw) * g.height() * g.width();
            tapRow[t] = (t / kw) % kh * d;
            tapCol[t] = t % kw * d;
        }
        int max = nr + 2;
        runImage = new int[max];
        runRow = new int[max];
        runCol = new int[max];
        runLength = new int[max];
        runOffset = new int[max];
    }

    /** Cuts columns {@code [col0, col1)} of the group starting at image n0 into runs (at most nr + 2 of them). */
    void cut(int n0, int col0, int col1) {
        int ow = g.outWidth();
        runs = 0;
        for (int col = col0; col < col1; ) {
            int pos = col % plane, i = pos / ow, j = pos % ow, len = Math.min(ow - j, col1 - col);
            runImage[runs] = n0 + col / plane;
            runRow[runs] = i;
            runCol[runs] = j;
            runLength[runs] = len;
            runOffset[runs] = col - col0;
            runs++;
            col += len;
        }
    }

    /**
     * im2col of the current runs into one B panel: {@code bp[off + t nr + c] = x[tap t at column c]}
     * (zero outside the input), for every tap t: the panel layout GEMM packs B into.
     */
    void packColumns(float[] x, int nr, float[] bp, int off) {
        final int h = g.height(), w = g.width(), s = g.stride(), p = g.padding(), in = g.inSize();
        for (int r = 0; r < runs; r++) {
            int n = runImage[r], y0 = runRow[r] * s - p, x0 = runCol[r] * s - p, len = runLength[r];
            int dst0 = off + runOffset[r];
            for (int t = 0; t < patch; t++) {
                int y = y0 + tapRow[t], dst = dst0 + t * nr;
                if (y < 0 || y >= h) {
                    Arrays.fill(bp, dst, dst + len, 0f);
                    continue;
                }
                int src = n * in + tapPlane[t] + y * w, xs = x0 + tapCol[t];
                if (s == 1) {
                    int j0 = Math.min(len, Math.max(0, -xs)), j1 = Math.max(j0, Math.min(len, w - xs));
                    Arrays.fill(bp, dst, dst + j0, 0f);
                    System.arraycopy(x, src + xs + j0, bp, dst + j0, j1 - j0);
                    Arrays.fill(bp, dst + j1, dst + len, 0f);
                } else {
                    for (int j = 0; j < len; j++) {
                        int xx = xs + j * s;
                        bp[dst + j] = xx >= 0 && xx < w ? x[src + xx] : 0f;
                    }
                }
            }
        }
    }

    /**
     * im2col of the current runs transposed (one column's patch contiguous), for the weight
     * gradient: {@code bt[((t / nr) width + col0 + c) nr + t % nr] = x[tap t at column c]}, width
     * being the group's column count, so each block of nr taps is one B panel of {@code width}
     * steps. Built as {@link #packColumns} into {@code panel} (patch x nr floats), then transposed.
     */
    void packPatches(float[] x, int nr, int width, int col0, float[] panel, float[] bt) {
        packColumns(x, nr, panel, 0);
        int cols = runOffset[runs - 1] + runLength[runs - 1];
        for (int t = 0; t < patch; t++) {
            int dst = ((t / nr) * width + col0) * nr + t % nr, src = t * nr;
            for (int c = 0; c < cols; c++) bt[dst + c * nr] = panel[src + c];
        }
    }

    /** dy's channels of the current runs as one B panel: {@code bp[off + o nr + c] = dy[o at column c]}. */
    void packOutputs(float[] dy, int channels, int nr, float[] bp, int off) {
        int ow = g.outWidth();
        for (int r = 0; r < runs; r++) {
            int src = runImage[r] * channels * plane + runRow[r] * ow + runCol[r], dst = off + runOffset[r];
            for (int o = 0; o < channels; o++) System.arraycopy(dy, src + o * plane, bp, dst + o * nr, runLength[r]);
        }
    }

    /** dy's channels of the current runs as A panels (mr channels per step): {@code ap[((o / mr) width + col0 + c) mr + o % mr]}. */
    void packOutputsByColumn(float[] dy, int channels, int mr, int width, int col0, float[] ap) {
        int ow = g.outWidth();
        for (int r = 0; r < runs; r++) {
            int src = runImage[r] * channels * plane + runRow[r] * ow + runCol[r], c0 = col0 + runOffset[r];
            for (int o = 0; o < channels; o++) {
                int dst = ((o / mr) * width + c0) * mr + o % mr, from = src + o * plane;
                for (int j = 0; j < runLength[r]; j++) ap[dst + j * mr] = dy[from + j];
            }
        }
    }

    /** Writes tile rows (channels o0 ..) of the current runs into y (NCHW), each plus its bias, with relu through max(v, 0). */
    void storeOutputs(float[] tile, int nr, int o0, int rows, int channels, float[] bias, boolean relu, float[] y) {
        int ow = g.outWidth();
        for (int i = 0; i < rows; i++) {
            int o = o0 + i;
            float add = bias == null ? 0f : bias[o];
            for (int r = 0; r < runs; r++) {
                int dst = (runImage[r] * channels + o) * plane + runRow[r] * ow + runCol[r], src = i * nr + runOffset[r];
                int len = runLength[r];
                if (relu) {
                    for (int j = 0; j < len; j++) {
                        float v = tile[src + j] + add;
                        y[dst + j] = v > 0 ? v : 0f;
                    }
                } else {
                    for (int j = 0; j < len; j++) y[dst + j] = tile[src + j] + add;
                }
            }
        }
    }

    /** col2im of tile rows (taps t0 ..) of the current runs: adds each into the dx element its tap and column read. */
    void addInputs(float[] tile, int nr, int t0, int rows, float[] dx) {
        final int h = g.height(), w = g.width(), s = g.stride(), p = g.padding(), in = g.inSize();
        for (int i = 0; i < rows; i++) {
            int t = t0 + i;
            for (int r = 0; r < runs; r++) {
                int y = runRow[r] * s - p + tapRow[t];
                if (y < 0 || y >= h) continue;
                int dst = runImage[r] * in + tapPlane[t] + y * w, xs = runCol[r] * s - p + tapCol[t];
                int src = i * nr + runOffset[r], len = runLength[r];
                if (s == 1) {
                    int j0 = Math.min(len, Math.max(0, -xs)), j1 = Math.min(len, w - xs);
                    for (int j = j0; j < j1; j++) dx[dst + xs + j] += tile[src + j];
                } else {
                    for (int j = 0; j < len; j++) {
                        int xx = xs + j * s;
                        if (xx >= 0 && xx < w) dx[dst + xx] += tile[src + j];
                    }
                }
            }
        }
    }
}
