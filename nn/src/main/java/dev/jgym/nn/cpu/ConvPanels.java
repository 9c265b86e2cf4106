package dev.jgym.nn.cpu;

import dev.jgym.nn.Window2d;
import java.util.Arrays;

/**
 * The convolution's operands written straight into the packed panel layouts of the GEMM
 * micro-kernel ({@link MicroKernel}), so im2col is one gather instead of an im2col matrix that GEMM
 * then packs again; and the kernel's tiles written straight back into NCHW (forward) or summed
 * into dx (col2im, backward).
 *
 * <p>Columns: a group of images {@code [n0, n1)} has {@code (n1 - n0) P} im2col columns
 * (P = output positions per image), column {@code col} being image {@code n0 + col / P}, output
 * position {@code col % P}. Rows: tap {@code t = (c kh + a) kw + b} of the patch (the weight's
 * column order). With padding, the group's images are first copied into zero-bordered planes, so
 * that every tap of every column is one element: {@code source[colBase[c] + tapOffset[t]]}, and
 * im2col and col2im are gathers (and scatters) by those indices, without bounds checks.
 *
 * <p>Packed lanes past the last real row or column (the panel's tail) may hold anything: the
 * micro-kernel keeps every tile element to its own row and column, and the tails' tile elements
 * are never read.
 *
 * <p>A cut of columns is also split into <em>segments</em>: maximal stretches in one image, along
 * which the output (and dy) is contiguous whatever the rows; the stores of the forward tiles and
 * the reads of dy go by segment (usually one per panel).
 */
final class ConvPanels {
    final Window2d g;
    final int nr, plane, patch;
    /** Segments of the current panel: image, output position in its plane, length, column offset in the panel. */
    final int[] segImage, segPos, segLength, segOffset;
    int segments;
    /** Columns in the current cut. */
    int cols;
    /** The kernel whose lane loops move the values (the scalar one moves the same values). */
    private final MicroKernel kernel;
    /**
     * The input as packing reads it: padded planes of {@code hp x wp} (zeros around, copied by
     * {@link #prepare}) when the window pads, else x itself. Tap t of the column at base b is
     * {@code source[b + tapOffset[t]]}.
     */
    private final int hp, wp, inPadded;
    private final int[] tapOffset, colBase;
    private float[] padded = new float[0], source;
    private int sourceImage0;

    ConvPanels(Window2d g, MicroKernel kernel) {
        this.g = g;
        this.kernel = kernel;
        this.nr = kernel.nr();
        this.plane = g.outPlane();
        this.patch = g.patchSize();
        int kh = g.kernelH(), kw = g.kernelW(), d = g.dilation(), p = g.padding();
        hp = g.height() + 2 * p;
        wp = g.width() + 2 * p;
        inPadded = g.channels() * hp * wp;
        int lanes = Math.max(1, kernel.lanes());
        tapOffset = new int[(patch + nr - 1) / nr * nr + lanes]; // past the patch: 0, a valid offset for the padded lanes
        for (int t = 0; t < patch; t++) tapOffset[t] = t / (kh * kw) * hp * wp + (t / kw) % kh * d * wp + t % kw * d;
        colBase = new int[Math.max(nr, CpuConv.COL2IM_COLUMNS) + lanes];
        if (CpuConv.COL2IM_COLUMNS % nr != 0) throw new IllegalStateException("col2im's " + CpuConv.COL2IM_COLUMNS + " columns are not a multiple of the kernel's " + nr);
        int max = CpuConv.COL2IM_COLUMNS + 2;
        segImage = new int[max];
        segPos = new int[max];
        segLength = new int[max];
        segOffset = new int[max];
    }

    Class<?> kernelClass() {
        return kernel.getClass();
    }

    /** Cuts columns {@code [col0, col1)} (at most {@link CpuConv#COL2IM_COLUMNS}) of the group starting at image n0: their indices and segments. */
    void cut(int n0, int col0, int col1) {
        cols = col1 - col0;
        final int s = g.stride(), ow = g.outWidth();
        for (int col = col0; col < col1; col++) {
            int n = n0 + col / plane, pos = col % plane;
            colBase[col - col0] = (padded == source ? (n - sourceImage0) * inPadded : n * g.inSize()) + pos / ow * s * wp + pos % ow * s;
        }
        for (int c = cols; c < colBase.length; c++) colBase[c] = colBase[0];
        segments = 0;
        for (int col = col0; col < col1; ) {
            int pos = col % plane, len = Math.min(plane - pos, col1 - col);
            segImage[segments] = n0 + col / plane;
            segPos[segments] = pos;
            segLength[segments] = len;
            segOffset[segments] = col - col0;
            segments++;
            col += len;
        }
    }

    /**
     * Makes images {@code [n0, n1)} of x the source of the next cuts' packing: with padding, copies
     * them into zero-bordered planes; without, packing reads x itself.
     */
    void prepare(float[] x, int n0, int n1) {
        int p = g.padding();
        if (p == 0) {
            source = x;
            return;
        }
        int h = g.height(), w = g.width(), images = n1 - n0, size = images * inPadded;
        if (padded.length < size) padded = new float[size];
        Arrays.fill(padded, 0, size, 0f);
        for (int n = 0; n < images; n++) {
            for (int c = 0; c < g.channels(); c++) {
                int from = (n0 + n) * g.inSize() + c * h * w, to = n * inPadded + c * hp * wp + p * wp + p;
                for (int y = 0; y < h; y++) System.arraycopy(x, from + y * w, padded, to + y * wp, w);
            }
        }
        source = padded;
        sourceImage0 = n0;
    }

    /**
     * im2col of the current cut (after {@link #prepare}) into one B panel: {@code bp[off + t nr + c]
     * = x[tap t at column c]} (zero outside the input), for every tap t: the panel layout GEMM packs
     * B into. The lanes past the cut's columns get copies of its first column.
     */
    void packColumns(float[] bp, int off) {
        kernel.gatherPanel(source, colBase, tapOffset, patch, bp, off, nr);
    }

    /**
     * im2col of the current cut (after {@link #prepare}) transposed (one column's patch contiguous),
     * for the weight gradient: {@code bt[((t / nr) width + col0 + c) nr + t % nr] = x[tap t at
     * column c]}, width being the group's column count, so each block of nr taps is one B panel of
     * {@code width} steps (its slots past the patch may be filled too).
     */
    void packPatches(int width, int col0, float[] bt) {
        for (int t0 = 0; t0 < patch; t0 += nr) {
            kernel.gatherPatches(source, colBase, cols, tapOffset, t0, Math.min(nr, patch - t0), bt, ((t0 / nr) * width + col0) * nr, nr);
        }
    }

    /** dy's channels of the current cut as one B panel: {@code bp[off + o nr + c] = dy[o at column c]}. */
    void packOutputs(float[] dy, int channels, int nr, float[] bp, int off) {
        for (int r = 0; r < segments; r++) {
            int src = segImage[r] * channels * plane + segPos[r], dst = off + segOffset[r];
            for (int o = 0; o < channels; o++) System.arraycopy(dy, src + o * plane, bp, dst + o * nr, segLength[r]);
        }
    }

    /** dy's channels of the current cut as A panels (mr channels per step): {@code ap[((o / mr) width + col0 + c) mr + o % mr]}. */
    void packOutputsByColumn(float[] dy, int channels, int mr, int width, int col0, float[] ap) {
        for (int r = 0; r < segments; r++) {
            int src = segImage[r] * channels * plane + segPos[r], c0 = col0 + segOffset[r], len = segLength[r];
            for (int o = 0; o < channels; o++) {
                int dst = ((o / mr) * width + c0) * mr + o % mr, from = src + o * plane;
                for (int j = 0; j < len; j++) ap[dst + j * mr] = dy[from + j];
            }
        }
    }

    /** Writes tile rows (channels o0 ..) of the current cut into y (NCHW), each plus its bias, with relu through max(v, 0). */
    void storeOutputs(float[] tile, int nr, int o0, int rows, int channels, float[] bias, boolean relu, float[] y) {
        for (int i = 0; i < rows; i++) {
            int o = o0 + i;
            float add = bias == null ? 0f : bias[o];
            for (int r = 0; r < segments; r++) {
                kernel.addScalar(tile, i * nr + segOffset[r], add, relu, y, (segImage[r] * channels + o) * plane + segPos[r], segLength[r]);
            }
        }
    }

    /**
     * Makes the next cuts' col2im ({@link #addInputs}) sum into images {@code [n0, n1)} of dx:
     * with padding, into zeroed padded planes that {@link #finishInputs} then crops into dx;
     * without, into dx itself, which it zeroes.
     */
    void beginInputs(float[] dx, int n0, int n1) {
        if (g.padding() == 0) {
            Arrays.fill(dx, n0 * g.inSize(), n1 * g.inSize(), 0f);
            source = dx;
            return;
        }
        int size = (n1 - n0) * inPadded;
        if (padded.length < size) padded = new float[size];
        Arrays.fill(padded, 0, size, 0f);
        source = padded;
        sourceImage0 = n0;
    }

    /**
     * col2im of the current cut: {@code dx[tap t at column c] += dcols[t ld + c]} for every tap, in
     * increasing t; within a tap the columns touch distinct elements. The padding's sums are dropped.
     */
    void addInputs(float[] dcols, int ld) {
        for (int t = 0; t < patch; t++) kernel.addGathered(dcols, t * ld, source, colBase, tapOffset[t], cols);
    }

    /** Forgets the caller's array the last {@link #prepare} or {@link #beginInputs} pointed at (this scratch outlives the call). */
    void release() {
        source = null;
    }

    /** With padding, copies the sums of {@link #beginInputs}'s images from the padded planes into dx. */
    void finishInputs(float[] dx, int n0, int n1) {
        int p = g.padding();
        if (p == 0) return;
        int h = g.height(), w = g.width();
        for (int n = 0; n < n1 - n0; n++) {
            for (int c = 0; c < g.channels(); c++) {
                int to = (n0 + n) * g.inSize() + c * h * w, from = n * inPadded + c * hp * wp + p * wp + p;
                for (int y = 0; y < h; y++) System.arraycopy(padded, from + y * wp, dx, to + y * w, w);
            }
        }
    }
}
