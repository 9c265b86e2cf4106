package dev.jgym.nn.opencl;

import com.aparapi.Kernel;

/**
 * Every operation of the OpenCL backend in one Aparapi kernel, chosen by {@link #op}.
 *
 * <p>Why one kernel: Aparapi keeps a device buffer per kernel instance and field, so two kernel
 * classes cannot share a tensor in device memory. Here all tensors live in one array,
 * {@link #heap}, at offsets the backend hands out ({@link DeviceMemory}); the fields
 * {@code oA..oH} say where an operation's operands are. {@link #stage} carries one tensor's
 * values to or from the host ({@code COPY_IN}, {@code COPY_OUT}).
 *
 * <p>Written for Aparapi's translator: int flags (no boolean fields), an if-chain (no switch),
 * only primitive and array fields, every helper method with its own name (no overloading), and
 * no nested conditional expressions (a translated ternary once lost its parentheses). One
 * instance per backend, executed from one thread at a time.
 */
final class NnKernel extends Kernel {
    // ---- operations ---------------------------------------------------------------------------
    // Numbered in groups (copies and whole-kernel ops, per column, per row, per element) so that
    // run() dispatches with plain comparisons.
    static final int NOOP = 0, COPY_IN = 1, COPY_OUT = 2, GEMM = 3, REDUCE = 4,
            SUM_ROWS = 5, BN_TRAIN = 6, BN_BACK = 7,
            SOFTMAX = 8, SOFTMAX_BACK = 9, SOFTMAX_XENT = 10, ARGMAX = 11,
            ADD = 12, SUB = 13, MUL = 14, SCALE = 15, AXPY = 16, ADD_ROW = 17, FILL = 18, ACT = 19, ACT_BACK = 20,
            POINT_LOSS = 21, BN_EVAL = 22, SGD = 23, RMSPROP = 24, ADAM = 25,
            CONV = 26, CONV_BACK_W = 27, CONV_BACK_B = 28, CONV_BACK_X = 29,
            MAX_POOL = 30, MAX_POOL_BACK = 31, AVG_POOL = 32, AVG_POOL_BACK = 33,
            SLICE_COLS = 34, ADD_COLS = 35, SELECT_ROWS = 36,
            LSTM = 37, LSTM_BACK = 38, GRU = 39, GRU_BACK = 40,
            LRN = 41, LRN_BACK = 42, BN2D_TRAIN = 43, BN2D_EVAL = 44, BN2D_BACK = 45,
            GELU = 46, GELU_BACK = 47, LN = 48, LN_BACK = 49, LN_BACK_P = 50, ATTN = 51, ATTN_BACK_Q = 52, ATTN_BACK_KV = 53,
            EMB = 54, EMB_BACK = 55;

    /** GEMM: a 16 x 16 work-group computes a 64 x 64 block of C, 4 x 4 elements per work-item. */
    static final int TILE = 64, TILE_K = 16, GROUP = 16;
    /** Work-group size of 1D operations and of the reduction tree. */
    static final int LOCAL_1D = 256;

    // ---- memory ---------------------------------------------------------------------------------
    float[] heap = new float[1];
    float[] stage = new float[1];

    @Local final float[] tileA = new float[TILE * TILE_K];
    @Local final float[] tileB = new float[TILE * TILE_K];
    @Local final float[] partial = new float[LOCAL_1D];

    // ---- arguments of the current operation ------------------------------------------------------
    int op;
    /** Element count, or rows x cols x depth of a matrix operation. */
    int n, m, k;
    int transA, transB, kind, flag;
    int oA, oB, oC, oD, oE, oF, oG, oH;
    float s0, s1, s2, s3, s4, s5, s6;
    /**
     * Window geometry (conv and pooling, NCHW): channels, height, width, kernel height and width,
     * stride, padding, dilation, output height and width, and gO the number of filters.
     */
    int gC, gH, gW, gKh, gKw, gS, gP, gD, gOh, gOw, gO;
    /** COPY_IN / COPY_OUT: the heap offset and count (fields of their own, so a copy between setting an operation's operands and launching it changes none of them). */
    int oS, nS;

    @Override
    public void run() {
        int o = op;
        if (o == GEMM) {
            gemmTile();
        }
        if (o == REDUCE) {
            reducePartial();
        }
        if (o == COPY_IN) {
            copyIn();
        }
        if (o == COPY_OUT) {
            copyOut();
        }
        if (o >= SUM_ROWS) {
            if (o <= ARGMAX) {
                rowOrColumn(o);
            }
        }
        if (o >= ADD) {
            elementwise(o);
        }
    }

    private void copyIn() {
        int i = getGlobalId();
        if (i < nS) {
            heap[oS + i] = stage[i];
        }
    }

    private void copyOut() {
        int i = getGlobalId();
        if (i < nS) {
            stage[i] = heap[oS + i];
        }
    }

    // ---- GEMM: C = alpha op(A) op(B) + beta C, local-memory tiles, 2D range ---------------------

    private void gemmTile() {
        int tx = getLocalId(0), ty = getLocalId(1);
        int col0 = getGroupId(0) * TILE, row0 = getGroupId(1) * TILE;
        int lid = ty * GROUP + tx;
        float c00 = 0f, c01 = 0f, c02 = 0f, c03 = 0f, c10 = 0f, c11 = 0f, c12 = 0f, c13 = 0f;
        float c20 = 0f, c21 = 0f, c22 = 0f, c23 = 0f, c30 = 0f, c31 = 0f, c32 = 0f, c33 = 0f;
        for (int k0 = 0; k0 < k; k0 += TILE_K) {
            for (int r = 0; r < 4; r++) {
                int e = lid + r * GROUP * GROUP;
                loadA(e, row0, k0);
                loadB(e, col0, k0);
            }
            localBarrier();
            for (int kk = 0; kk < TILE_K; kk++) {
                int base = kk * TILE;
                float a0 = tileA[base + ty], a1 = tileA[base + ty + 16], a2 = tileA[base + ty + 32], a3 = tileA[base + ty + 48];
                float b0 = tileB[base + tx], b1 = tileB[base + tx + 16], b2 = tileB[base + tx + 32], b3 = tileB[base + tx + 48];
                c00 = fma(a0, b0, c00); c01 = fma(a0, b1, c01); c02 = fma(a0, b2, c02); c03 = fma(a0, b3, c03);
                c10 = fma(a1, b0, c10); c11 = fma(a1, b1, c11); c12 = fma(a1, b2, c12); c13 = fma(a1, b3, c13);
                c20 = fma(a2, b0, c20); c21 = fma(a2, b1, c21); c22 = fma(a2, b2, c22); c23 = fma(a2, b3, c23);
                c30 = fma(a3, b0, c30); c31 = fma(a3, b1, c31); c32 = fma(a3, b2, c32); c33 = fma(a3, b3, c33);
            }
            localBarrier();
        }
        int r0 = row0 + ty, q0 = col0 + tx;
        storeC(r0, q0, c00); storeC(r0, q0 + 16, c01); storeC(r0, q0 + 32, c02); storeC(r0, q0 + 48, c03);
        storeC(r0 + 16, q0, c10); storeC(r0 + 16, q0 + 16, c11); storeC(r0 + 16, q0 + 32, c12); storeC(r0 + 16, q0 + 48, c13);
        storeC(r0 + 32, q0, c20); storeC(r0 + 32, q0 + 16, c21); storeC(r0 + 32, q0 + 32, c22); storeC(r0 + 32, q0 + 48, c23);
        storeC(r0 + 48, q0, c30); storeC(r0 + 48, q0 + 16, c31); storeC(r0 + 48, q0 + 32, c32); storeC(r0 + 48, q0 + 48, c33);
    }

    /** Element e (0..1023) of the A tile: 64 rows x 16 k, stored k-major; reads along memory order. */
    private void loadA(int e, int row0, int k0) {
        int rr = e >> 4, kk = e & 15;
        if (transA != 0) {
            kk = e >> 6;
            rr = e & 63;
        }
        int gr = row0 + rr, gk = k0 + kk;
        float v = 0f;
        if (gr < m) {
            if (gk < k) {
                if (transA != 0) {
                    v = heap[oA + gk * m + gr];
                } else {
                    v = heap[oA + gr * k + gk];
                }
            }
        }
        tileA[kk * TILE + rr] = v;
    }

    /** Element e of the B tile: 16 k x 64 columns. */
    private void loadB(int e, int col0, int k0) {
        int kk = e >> 6, cc = e & 63;
        if (transB != 0) {
            cc = e >> 4;
            kk = e & 15;
        }
        int gc = col0 + cc, gk = k0 + kk;
        float v = 0f;
        if (gc < n) {
            if (gk < k) {
                if (transB != 0) {
                    v = heap[oB + gc * k + gk];
                } else {
                    v = heap[oB + gk * n + gc];
                }
            }
        }
        tileB[kk * TILE + cc] = v;
    }

    private void storeC(int row, int col, float acc) {
        if (row < m) {
            if (col < n) {
                int idx = oC + row * n + col;
                float v = s0 * acc;
                if (s1 != 0f) v = v + s1 * heap[idx];
                heap[idx] = v;
            }
        }
    }

    // ---- reductions: per work-group partial sums (flag 1: of squares) into heap[oC + group] -------

    private void reducePartial() {
        int lid = getLocalId(), gid = getGlobalId(), size = getGlobalSize();
        float acc = 0f;
        for (int i = gid; i < n; i += size) {
            float v = heap[oA + i];
            if (flag == 1) v = v * v;
            acc += v;
        }
        partial[lid] = acc;
        localBarrier();
        for (int stride = LOCAL_1D / 2; stride > 0; stride >>= 1) {
            if (lid < stride) partial[lid] = partial[lid] + partial[lid + stride];
            localBarrier();
        }
        if (lid == 0) heap[oC + getGroupId()] = partial[0];
    }

    // ---- one work-item per row (m rows of k columns) or per column -------------------------------

    private void rowOrColumn(int o) {
        int i = getGlobalId();
        if (o <= BN_BACK) {
            if (i < k) {
                if (o == SUM_ROWS) sumColumn(i);
                if (o == BN_TRAIN) batchNormColumn(i);
                if (o == BN_BACK) batchNormBackColumn(i);
            }
        } else {
            if (i < m) {
                if (o == SOFTMAX) softmaxRow(i);
                if (o == SOFTMAX_BACK) softmaxBackRow(i);
                if (o == SOFTMAX_XENT) crossEntropyRow(i);
                if (o == ARGMAX) argmaxRow(i);
            }
        }
    }

    /** out[j] = s0 out[j] + sum over rows of x[i, j] (s0 == 0: old values ignored). */
    private void sumColumn(int j) {
        float acc = 0f;
        for (int i = 0; i < m; i++) acc += heap[oA + i * k + j];
        float v = acc;
        if (s0 != 0f) v = s0 * heap[oC + j] + acc;
        heap[oC + j] = v;
    }

    private float rowMax(int base) {
        float mx = heap[base];
        for (int j = 1; j < k; j++) mx = max(mx, heap[base + j]);
        return mx;
    }

    private void softmaxRow(int i) {
        int a = oA + i * k, c = oC + i * k;
        float mx = rowMax(a);
        float s = 0f;
        for (int j = 0; j < k; j++) s += exp(heap[a + j] - mx);
        for (int j = 0; j < k; j++) heap[c + j] = exp(heap[a + j] - mx) / s;
    }

    /** dx = y (dy - sum_j dy_j y_j): oA y, oB dy, oC dx. */
    private void softmaxBackRow(int i) {
        int y = oA + i * k, g = oB + i * k, c = oC + i * k;
        float dot = 0f;
        for (int j = 0; j < k; j++) dot += heap[g + j] * heap[y + j];
        for (int j = 0; j < k; j++) heap[c + j] = heap[y + j] * (heap[g + j] - dot);
    }

    /** oA logits, oB targets, oC gradient (flag 1), oD the row's loss. */
    private void crossEntropyRow(int i) {
        int x = oA + i * k, t = oB + i * k, g = oC + i * k;
        float mx = rowMax(x);
        float s = 0f;
        for (int j = 0; j < k; j++) s += exp(heap[x + j] - mx);
        float logSum = mx + log(s);
        float loss = 0f;
        for (int j = 0; j < k; j++) {
            float tj = heap[t + j];
            if (tj != 0f) loss += tj * (logSum - heap[x + j]);
            if (flag == 1) heap[g + j] = exp(heap[x + j] - logSum) - tj;
        }
        heap[oD + i] = loss;
    }

    private void argmaxRow(int i) {
        int a = oA + i * k;
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (heap[a + j] > heap[a + best]) best = j;
        }
        heap[oC + i] = best;
    }

    /** oA x, oB gamma, oC beta, oD y, oE xhat, oF mean, oG var, oH invStd; s0 eps. */
    private void batchNormColumn(int j) {
        float s = 0f;
        for (int i = 0; i < m; i++) s += heap[oA + i * k + j];
        float mean = s / m;
        float ss = 0f;
        for (int i = 0; i < m; i++) {
            float d = heap[oA + i * k + j] - mean;
            ss += d * d;
        }
        float var = ss / m;
        float inv = 1f / sqrt(var + s0);
        heap[oF + j] = mean;
        heap[oG + j] = var;
        heap[oH + j] = inv;
        float gamma = heap[oB + j], beta = heap[oC + j];
        for (int i = 0; i < m; i++) {
            float h = (heap[oA + i * k + j] - mean) * inv;
            heap[oE + i * k + j] = h;
            heap[oD + i * k + j] = gamma * h + beta;
        }
    }

    /** oA dy, oB xhat, oC gamma, oD invStd, oE dx, oF dgamma (+=), oG dbeta (+=). */
    private void batchNormBackColumn(int j) {
        float sdy = 0f, sdyx = 0f;
        for (int i = 0; i < m; i++) {
            float g = heap[oA + i * k + j];
            sdy += g;
            sdyx += g * heap[oB + i * k + j];
        }
        heap[oF + j] = heap[oF + j] + sdyx;
        heap[oG + j] = heap[oG + j] + sdy;
        float c = heap[oC + j] * heap[oD + j] / m;
        for (int i = 0; i < m; i++) {
            heap[oE + i * k + j] = c * (m * heap[oA + i * k + j] - sdy - heap[oB + i * k + j] * sdyx);
        }
    }

    // ---- elementwise: one work-item per element --------------------------------------------------

    private void elementwise(int o) {
        int i = getGlobalId();
        if (i < n) {
            if (o == ADD) heap[oC + i] = heap[oA + i] + heap[oB + i];
            if (o == SUB) heap[oC + i] = heap[oA + i] - heap[oB + i];
            if (o == MUL) heap[oC + i] = heap[oA + i] * heap[oB + i];
            if (o == SCALE) heap[oC + i] = s0 * heap[oA + i];
            if (o == AXPY) heap[oC + i] = heap[oC + i] + s0 * heap[oA + i];
            if (o == ADD_ROW) heap[oC + i] = heap[oA + i] + heap[oB + i % k];
            if (o == FILL) heap[oC + i] = s0;
            if (o == ACT) heap[oC + i] = activate(heap[oA + i]);
            if (o == ACT_BACK) heap[oD + i] = activateBack(heap[oA + i], heap[oB + i], heap[oC + i]);
            if (o == POINT_LOSS) pointLoss(i);
            if (o == BN_EVAL) batchNormEvalAt(i);
            if (o == SGD) sgdAt(i);
            if (o == RMSPROP) rmsPropAt(i);
            if (o == ADAM) adamAt(i);
            if (o >= CONV) {
                if (o <= AVG_POOL_BACK) windowAt(o, i);
            }
            if (o >= SLICE_COLS) columnsOrCellAt(o, i);
        }
    }

    private float sigmoidOf(float x) {
        float y = 0f;
        if (x >= 0f) {
            y = 1f / (1f + exp(-x));
        } else {
            float e = exp(x);
            y = e / (1f + e);
        }
        return y;
    }

    /** kind: ActivationKind's ordinal (identity, step, sigmoid, tanh, relu, leaky relu, elu); s0 its parameter. */
    private float activate(float x) {
        float y = x;
        float negative = 0f;
        if (x <= 0f) {
            negative = 1f;
        }
        if (kind == 1) {
            y = 1f - negative;
            if (x == 0f) {
                y = 1f;
            }
        }
        if (kind == 2) {
            y = sigmoidOf(x);
        }
        if (kind == 3) {
            y = tanh(x);
        }
        if (kind == 4) {
            y = x * (1f - negative);
        }
        if (kind == 5) {
            y = x * (1f - negative) + s0 * x * negative;
        }
        if (kind == 6) {
            y = x * (1f - negative) + s0 * expm1(x * negative) * negative;
        }
        return y;
    }

    private float activateBack(float x, float y, float g) {
        float d = g;
        float negative = 0f;
        if (x <= 0f) {
            negative = 1f;
        }
        if (kind == 1) {
            d = 0f;
        }
        if (kind == 2) {
            d = g * y * (1f - y);
        }
        if (kind == 3) {
            d = g * (1f - y * y);
        }
        if (kind == 4) {
            d = g * (1f - negative);
        }
        if (kind == 5) {
            d = g * (1f - negative) + s0 * g * negative;
        }
        if (kind == 6) {
            d = g * (1f - negative) + g * (y + s0) * negative;
        }
        return d;
    }

    private float signOf(float d) {
        float s = 0f;
        if (d > 0f) s = 1f;
        if (d < 0f) s = -1f;
        return s;
    }

    /** kind: PointLoss's ordinal (MSE, L1, Huber, BCE with logits); s0 Huber's delta; oA pred, oB target, oC grad (flag 1), oD value. */
    private void pointLoss(int i) {
        float p = heap[oA + i], t = heap[oB + i];
        float d = p - t;
        float v = 0f, dv = 0f;
        if (kind == 0) {
            v = d * d;
            dv = 2f * d;
        } else if (kind == 1) {
            v = abs(d);
            dv = signOf(d);
        } else if (kind == 2) {
            if (abs(d) <= s0) {
                v = 0.5f * d * d;
                dv = d;
            } else {
                v = s0 * (abs(d) - 0.5f * s0);
                dv = s0 * signOf(d);
            }
        } else {
            v = max(p, 0f) - p * t + log1p(exp(-abs(p)));
            dv = sigmoidOf(p) - t;
        }
        heap[oD + i] = v;
        if (flag == 1) heap[oC + i] = dv;
    }

    /** oA x, oB gamma, oC beta, oD mean, oE var, oF y; s0 eps. */
    private void batchNormEvalAt(int i) {
        int j = i % k;
        float scale = heap[oB + j] / sqrt(heap[oE + j] + s0);
        heap[oF + i] = scale * (heap[oA + i] - heap[oD + j]) + heap[oC + j];
    }

    /** oA w, oB grad, oC velocity; s0 lr, s1 momentum, s2 weight decay; flag 0 plain, 1 momentum, 2 Nesterov. */
    private void sgdAt(int i) {
        float w = heap[oA + i];
        float g = heap[oB + i] + s2 * w;
        if (flag == 0) {
            heap[oA + i] = w - s0 * g;
        } else {
            float v = s1 * heap[oC + i] + g;
            heap[oC + i] = v;
            float step = v;
            if (flag == 2) step = g + s1 * v;
            heap[oA + i] = w - s0 * step;
        }
    }

    /** oA w, oB grad, oC mean square; s0 lr, s1 alpha, s2 eps, s3 weight decay. */
    private void rmsPropAt(int i) {
        float w = heap[oA + i];
        float g = heap[oB + i] + s3 * w;
        float s = s1 * heap[oC + i] + (1f - s1) * g * g;
        heap[oC + i] = s;
        heap[oA + i] = w - s0 * g / (sqrt(s) + s2);
    }

    /**
     * oA w, oB grad, oC m, oD v; s0 lr, s1 beta1, s2 beta2, s3 eps, s4 weight decay,
     * s5 = 1 - beta1^t, s6 = 1 - beta2^t; flag 1 decoupled (AdamW).
     */
    private void adamAt(int i) {
        float w = heap[oA + i];
        float g = heap[oB + i];
        float wd = w;
        if (flag == 1) {
            wd = w - s0 * s4 * w;
        } else {
            g = g + s4 * w;
        }
        float mj = s1 * heap[oC + i] + (1f - s1) * g;
        float vj = s2 * heap[oD + i] + (1f - s2) * g * g;
        heap[oC + i] = mj;
        heap[oD + i] = vj;
        heap[oA + i] = wd - s0 * (mj / s5) / (sqrt(vj / s6) + s3);
    }
    // ---- convolution and pooling: one work-item per output element (gathers, no atomics) --------

    private void windowAt(int o, int i) {
        if (o == CONV) convAt(i);
        if (o == CONV_BACK_W) convBackWeightAt(i);
        if (o == CONV_BACK_B) convBackBiasAt(i);
        if (o == CONV_BACK_X) convBackInputAt(i);
        if (o == MAX_POOL) maxPoolAt(i);
        if (o == MAX_POOL_BACK) maxPoolBackAt(i);
        if (o == AVG_POOL) avgPoolAt(i);
        if (o == AVG_POOL_BACK) avgPoolBackAt(i);
    }

    /** Input row of tap a of output row r, or -1 outside the input. */
    private int inRow(int r, int a) {
        int yy = r * gS - gP + a * gD;
        int v = -1;
        if (yy >= 0) {
            if (yy < gH) v = yy;
        }
        return v;
    }

    private int inCol(int q, int b) {
        int xx = q * gS - gP + b * gD;
        int v = -1;
        if (xx >= 0) {
            if (xx < gW) v = xx;
        }
        return v;
    }

    /** Output row whose tap a reads input row yy, or -1 when none. */
    private int outRow(int yy, int a) {
        int t = yy + gP - a * gD;
        int v = -1;
        if (t >= 0) {
            if (t % gS == 0) {
                if (t / gS < gOh) v = t / gS;
            }
        }
        return v;
    }

    private int outCol(int xx, int b) {
        int t = xx + gP - b * gD;
        int v = -1;
        if (t >= 0) {
            if (t % gS == 0) {
                if (t / gS < gOw) v = t / gS;
            }
        }
        return v;
    }

    /** oA x, oB weight [gO, C kh kw], oC bias (flag 1), oD y; i indexes y [N, gO, oh, ow]. */
    private void convAt(int i) {
        int plane = gOh * gOw, patch = gC * gKh * gKw;
        int ex = i / (gO * plane), f = (i / plane) % gO, q = i % plane;
        int r = q / gOw, cq = q % gOw;
        float acc = 0f;
        for (int c = 0; c < gC; c++) {
            int xb = oA + ex * gC * gH * gW + c * gH * gW;
            int wb = oB + f * patch + c * gKh * gKw;
            for (int a = 0; a < gKh; a++) {
                int yy = inRow(r, a);
                if (yy >= 0) {
                    for (int b = 0; b < gKw; b++) {
                        int xx = inCol(cq, b);
                        if (xx >= 0) acc += heap[wb + a * gKw + b] * heap[xb + yy * gW + xx];
                    }
                }
            }
        }
        if (flag == 1) acc += heap[oC + f];
        heap[oD + i] = acc;
    }

    /** oA x, oB dy, oC dWeight (+=); i indexes the weight [gO, C kh kw]; m the batch. */
    private void convBackWeightAt(int i) {
        int plane = gOh * gOw, patch = gC * gKh * gKw;
        int f = i / patch, rr = i % patch;
        int c = rr / (gKh * gKw), a = (rr / gKw) % gKh, b = rr % gKw;
        float acc = 0f;
        for (int ex = 0; ex < m; ex++) {
            int xb = oA + ex * gC * gH * gW + c * gH * gW;
            int gb = oB + (ex * gO + f) * plane;
            for (int r = 0; r < gOh; r++) {
                int yy = inRow(r, a);
                if (yy >= 0) {
                    for (int cq = 0; cq < gOw; cq++) {
                        int xx = inCol(cq, b);
                        if (xx >= 0) acc += heap[gb + r * gOw + cq] * heap[xb + yy * gW + xx];
                    }
                }
            }
        }
        heap[oC + i] = heap[oC + i] + acc;
    }

    /** oB dy, oD dBias (+=); i is the filter; m the batch. */
    private void convBackBiasAt(int i) {
        int plane = gOh * gOw;
        float acc = 0f;
        for (int ex = 0; ex < m; ex++) {
            int gb = oB + (ex * gO + i) * plane;
            for (int q = 0; q < plane; q++) acc += heap[gb + q];
        }
        heap[oD + i] = heap[oD + i] + acc;
    }

    /** oB dy, oE weight, oF dx; i indexes dx [N, C, H, W]. */
    private void convBackInputAt(int i) {
        int plane = gOh * gOw, patch = gC * gKh * gKw, inPlane = gH * gW;
        int ex = i / (gC * inPlane), c = (i / inPlane) % gC, p = i % inPlane;
        int yy = p / gW, xx = p % gW;
        float acc = 0f;
        for (int f = 0; f < gO; f++) {
            int gb = oB + (ex * gO + f) * plane;
            int wb = oE + f * patch + c * gKh * gKw;
            for (int a = 0; a < gKh; a++) {
                int r = outRow(yy, a);
                if (r >= 0) {
                    for (int b = 0; b < gKw; b++) {
                        int cq = outCol(xx, b);
                        if (cq >= 0) acc += heap[wb + a * gKw + b] * heap[gb + r * gOw + cq];
                    }
                }
            }
        }
        heap[oF + i] = acc;
    }

    /** The heap index of the first maximum of window (r, cq) of the plane at xb (row-major on ties), or -1 when the window is all padding. */
    private int windowArgmax(int xb, int r, int cq) {
        float best = 0f;
        int at = -1;
        for (int a = 0; a < gKh; a++) {
            int yy = inRow(r, a);
            if (yy >= 0) {
                for (int b = 0; b < gKw; b++) {
                    int xx = inCol(cq, b);
                    if (xx >= 0) {
                        int idx = xb + yy * gW + xx;
                        float v = heap[idx];
                        if (at < 0) {
                            best = v;
                            at = idx;
                        } else {
                            if (v > best) {
                                best = v;
                                at = idx;
                            }
                        }
                    }
                }
            }
        }
        return at;
    }

    /** oA x, oC y; i indexes y [N C, oh, ow]. */
    private void maxPoolAt(int i) {
        int plane = gOh * gOw;
        int t = i / plane, q = i % plane;
        int at = windowArgmax(oA + t * gH * gW, q / gOw, q % gOw);
        float v = log(0f);
        if (at >= 0) v = heap[at];
        heap[oC + i] = v;
    }

    /** oA x, oB dy, oC dx; i indexes dx [N C, H, W]: the sum of dy over the windows whose first maximum is here. */
    private void maxPoolBackAt(int i) {
        int plane = gOh * gOw, inPlane = gH * gW;
        int t = i / inPlane, p = i % inPlane;
        int yy = p / gW, xx = p % gW;
        int xb = oA + t * inPlane, gb = oB + t * plane;
        float acc = 0f;
        for (int a = 0; a < gKh; a++) {
            int r = outRow(yy, a);
            if (r >= 0) {
                for (int b = 0; b < gKw; b++) {
                    int cq = outCol(xx, b);
                    if (cq >= 0) {
                        if (windowArgmax(xb, r, cq) == xb + p) acc += heap[gb + r * gOw + cq];
                    }
                }
            }
        }
        heap[oC + i] = acc;
    }

    /** oA x, oC y; padding counts as zeros; s0 = 1 / (kh kw). */
    private void avgPoolAt(int i) {
        int plane = gOh * gOw;
        int t = i / plane, q = i % plane;
        int r = q / gOw, cq = q % gOw;
        int xb = oA + t * gH * gW;
        float acc = 0f;
        for (int a = 0; a < gKh; a++) {
            int yy = inRow(r, a);
            if (yy >= 0) {
                for (int b = 0; b < gKw; b++) {
                    int xx = inCol(cq, b);
                    if (xx >= 0) acc += heap[xb + yy * gW + xx];
                }
            }
        }
        heap[oC + i] = acc * s0;
    }

    /** oB dy, oC dx; s0 = 1 / (kh kw). */
    private void avgPoolBackAt(int i) {
        int plane = gOh * gOw, inPlane = gH * gW;
        int t = i / inPlane, p = i % inPlane;
        int yy = p / gW, xx = p % gW;
        int gb = oB + t * plane;
        float acc = 0f;
        for (int a = 0; a < gKh; a++) {
            int r = outRow(yy, a);
            if (r >= 0) {
                for (int b = 0; b < gKw; b++) {
                    int cq = outCol(xx, b);
                    if (cq >= 0) acc += heap[gb + r * gOw + cq] * s0;
                }
            }
        }
        heap[oC + i] = acc;
    }

    // ---- column blocks, row selection and recurrent cells -----------------------------------------

    private void columnsOrCellAt(int o, int i) {
        if (o == SLICE_COLS) sliceAt(i);
        if (o == ADD_COLS) addColumnsAt(i);
        if (o == SELECT_ROWS) selectAt(i);
        if (o == LSTM) lstmAt(i);
        if (o == LSTM_BACK) lstmBackAt(i);
        if (o == GRU) gruAt(i);
        if (o == GRU_BACK) gruBackAt(i);
        if (o >= LRN) normAt(o, i);
    }

    // ---- local response and per-channel batch normalisation ----------------------------------------

    private void normAt(int o, int i) {
        if (o == LRN) lrnAt(i);
        if (o == LRN_BACK) lrnBackAt(i);
        if (o == BN2D_TRAIN) batchNorm2dChannel(i);
        if (o == BN2D_EVAL) batchNorm2dEvalAt(i);
        if (o == BN2D_BACK) batchNorm2dBackChannel(i);
        if (o >= GELU) transformerAt(o, i);
    }

    /** oA x, oC y, oD scale; gC channels, gH plane, gKh = size / 2 below, gKw = (size - 1) / 2 above; s0 alpha / size, s1 beta, s2 k. */
    private void lrnAt(int i) {
        int per = gC * gH;
        int ex = i / per, c = (i / gH) % gC, q = i % gH;
        int c0 = max(0, c - gKh), c1 = min(gC - 1, c + gKw);
        float acc = 0f;
        for (int cc = c0; cc <= c1; cc++) {
            float v = heap[oA + ex * per + cc * gH + q];
            acc += v * v;
        }
        float sc = s2 + s0 * acc;
        heap[oD + i] = sc;
        heap[oC + i] = heap[oA + i] * pow(sc, -s1);
    }

    /** oA x, oB y, oC scale, oD dy, oE dx; s1 beta, s3 = 2 alpha beta / size; the window reversed (gKw below, gKh above). */
    private void lrnBackAt(int i) {
        int per = gC * gH;
        int ex = i / per, c = (i / gH) % gC, q = i % gH;
        int c0 = max(0, c - gKw), c1 = min(gC - 1, c + gKh);
        float acc = 0f;
        for (int cc = c0; cc <= c1; cc++) {
            int at = ex * per + cc * gH + q;
            acc += heap[oD + at] * heap[oB + at] / heap[oC + at];
        }
        heap[oE + i] = heap[oD + i] * pow(heap[oC + i], -s1) - s3 * heap[oA + i] * acc;
    }

    /** i the channel; m rows, gC channels, gH plane; oA x, oB gamma, oC beta, oD y, oE xhat, oF mean, oG var, oH invStd; s0 eps. */
    private void batchNorm2dChannel(int c) {
        int per = gC * gH;
        float count = (float) m * gH;
        float s = 0f;
        for (int r = 0; r < m; r++) {
            int base = oA + r * per + c * gH;
            for (int q = 0; q < gH; q++) s += heap[base + q];
        }
        float mean = s / count;
        float ss = 0f;
        for (int r = 0; r < m; r++) {
            int base = oA + r * per + c * gH;
            for (int q = 0; q < gH; q++) {
                float d = heap[base + q] - mean;
                ss += d * d;
            }
        }
        float var = ss / count;
        float inv = 1f / sqrt(var + s0);
        heap[oF + c] = mean;
        heap[oG + c] = var;
        heap[oH + c] = inv;
        float gamma = heap[oB + c], beta = heap[oC + c];
        for (int r = 0; r < m; r++) {
            int off = r * per + c * gH;
            for (int q = 0; q < gH; q++) {
                float h = (heap[oA + off + q] - mean) * inv;
                heap[oE + off + q] = h;
                heap[oD + off + q] = gamma * h + beta;
            }
        }
    }

    /** oA x, oB gamma, oC beta, oD mean, oE var, oF y; gC channels, gH plane; s0 eps. */
    private void batchNorm2dEvalAt(int i) {
        int c = (i / gH) % gC;
        float scale = heap[oB + c] / sqrt(heap[oE + c] + s0);
        heap[oF + i] = scale * (heap[oA + i] - heap[oD + c]) + heap[oC + c];
    }

    /** i the channel; oA dy, oB xhat, oC gamma, oD invStd, oE dx, oF dgamma (+=), oG dbeta (+=). */
    private void batchNorm2dBackChannel(int c) {
        int per = gC * gH;
        float count = (float) m * gH;
        float sdy = 0f, sdyx = 0f;
        for (int r = 0; r < m; r++) {
            int off = r * per + c * gH;
            for (int q = 0; q < gH; q++) {
                float g = heap[oA + off + q];
                sdy += g;
                sdyx += g * heap[oB + off + q];
            }
        }
        heap[oF + c] = heap[oF + c] + sdyx;
        heap[oG + c] = heap[oG + c] + sdy;
        float f = heap[oC + c] * heap[oD + c] / count;
        for (int r = 0; r < m; r++) {
            int off = r * per + c * gH;
            for (int q = 0; q < gH; q++) {
                heap[oE + off + q] = f * (count * heap[oA + off + q] - sdy - heap[oB + off + q] * sdyx);
            }
        }
    }

    /** oA x [rows, k], oC out [rows, m]; gS the first column. */
    private void sliceAt(int i) {
        int r = i / m, j = i % m;
        heap[oC + i] = heap[oA + r * k + gS + j];
    }

    /** oA src [rows, m], oC x [rows, k]; gS the first column. */
    private void addColumnsAt(int i) {
        int r = i / m, j = i % m;
        int at = oC + r * k + gS + j;
        heap[at] = heap[at] + heap[oA + i];
    }

    /** oA mask, oB a, oC b, oD out; k columns. */
    private void selectAt(int i) {
        float v = heap[oC + i];
        if (heap[oA + i / k] != 0f) v = heap[oB + i];
        heap[oD + i] = v;
    }

    /** i indexes [N, H] (k = H). oA gates, oB cPrev, oC act, oD c, oE h. */
    private void lstmAt(int i) {
        int r = i / k, j = i % k;
        int gb = oA + r * 4 * k + j, ab = oC + r * 4 * k + j;
        float ig = sigmoidOf(heap[gb]);
        float fg = sigmoidOf(heap[gb + k]);
        float gg = tanh(heap[gb + 2 * k]);
        float og = sigmoidOf(heap[gb + 3 * k]);
        heap[ab] = ig;
        heap[ab + k] = fg;
        heap[ab + 2 * k] = gg;
        heap[ab + 3 * k] = og;
        float cv = fg * heap[oB + i] + ig * gg;
        heap[oD + i] = cv;
        heap[oE + i] = og * tanh(cv);
    }

    /** oA act, oB cPrev, oC c, oD dh, oE dc (in: from later steps; out: dL/dcPrev), oF dGates. */
    private void lstmBackAt(int i) {
        int r = i / k, j = i % k;
        int ab = oA + r * 4 * k + j, gb = oF + r * 4 * k + j;
        float ig = heap[ab], fg = heap[ab + k], gg = heap[ab + 2 * k], og = heap[ab + 3 * k];
        float tc = tanh(heap[oC + i]);
        float dhv = heap[oD + i];
        float dcv = heap[oE + i] + dhv * og * (1f - tc * tc);
        heap[gb] = dcv * gg * ig * (1f - ig);
        heap[gb + k] = dcv * heap[oB + i] * fg * (1f - fg);
        heap[gb + 2 * k] = dcv * ig * (1f - gg * gg);
        heap[gb + 3 * k] = dhv * tc * og * (1f - og);
        heap[oE + i] = dcv * fg;
    }

    /** oA gx, oB gh, oC hPrev, oD act, oE h; k = H. */
    private void gruAt(int i) {
        int r = i / k, j = i % k;
        int xb = oA + r * 3 * k + j, hb = oB + r * 3 * k + j, ab = oD + r * 3 * k + j;
        float rv = sigmoidOf(heap[xb] + heap[hb]);
        float zv = sigmoidOf(heap[xb + k] + heap[hb + k]);
        float nv = tanh(heap[xb + 2 * k] + rv * heap[hb + 2 * k]);
        heap[ab] = rv;
        heap[ab + k] = zv;
        heap[ab + 2 * k] = nv;
        heap[oE + i] = (1f - zv) * nv + zv * heap[oC + i];
    }

    /** oA act, oB gh, oC hPrev, oD dh, oE dgx, oF dgh, oG dhPrev; k = H. */
    private void gruBackAt(int i) {
        int r = i / k, j = i % k;
        int ab = oA + r * 3 * k + j, hb = oB + r * 3 * k + j;
        int xo = oE + r * 3 * k + j, ho = oF + r * 3 * k + j;
        float rv = heap[ab], zv = heap[ab + k], nv = heap[ab + 2 * k], d = heap[oD + i];
        float dn = d * (1f - zv) * (1f - nv * nv);
        float dz = d * (heap[oC + i] - nv) * zv * (1f - zv);
        float dr = dn * heap[hb + 2 * k] * rv * (1f - rv);
        heap[xo] = dr;
        heap[xo + k] = dz;
        heap[xo + 2 * k] = dn;
        heap[ho] = dr;
        heap[ho + k] = dz;
        heap[ho + 2 * k] = dn * rv;
        heap[oG + i] = d * zv;
    }

    // ---- GELU, layer norm, attention, embeddings (the attention issue) -----------------------------

    private void transformerAt(int o, int i) {
        if (o == GELU) heap[oC + i] = heap[oA + i] * normalCdf(heap[oA + i]);
        if (o == GELU_BACK) geluBackAt(i);
        if (o == LN) layerNormRow(i);
        if (o == LN_BACK) layerNormBackRow(i);
        if (o == LN_BACK_P) layerNormBackColumn(i);
        if (o == ATTN) attentionRow(i);
        if (o == ATTN_BACK_Q) attentionBackQueryRow(i);
        if (o == ATTN_BACK_KV) attentionBackKeyRow(i);
        if (o == EMB) heap[oC + i] = heap[oB + ((int) heap[oA + i / k]) * k + i % k];
        if (o == EMB_BACK) embeddingBackColumn(i);
    }

    /** erfc in float: the series of CpuTransformer below 2 (40 terms), its continued fraction (60 levels) above. */
    private float erfcOf(float z) {
        float a = abs(z);
        float r = 0f;
        if (a < 2f) {
            float term = a, sum = a, a2 = a * a;
            for (int n2 = 0; n2 < 40; n2++) {
                term = term * 2f * a2 / (2 * n2 + 3);
                sum = sum + term;
            }
            r = 1f - 1.1283791670955126f * exp(-a2) * sum;
        } else {
            float f = a;
            for (int lv = 60; lv >= 1; lv--) f = a + (lv * 0.5f) / f;
            r = exp(-a * a) * 0.5641895835477563f / f;
        }
        if (z < 0f) r = 2f - r;
        return r;
    }

    private float normalCdf(float x) {
        return 0.5f * erfcOf(-x * 0.7071067811865476f);
    }

    /** oA x, oB dy, oC dx. */
    private void geluBackAt(int i) {
        float x = heap[oA + i];
        heap[oC + i] = heap[oB + i] * (normalCdf(x) + x * 0.3989422804014327f * exp(-0.5f * x * x));
    }

    /** Row i of k columns: oA x, oB gamma, oC beta, oD y, oE xhat, oF invStd; s0 eps. */
    private void layerNormRow(int i) {
        int b = i * k;
        float s = 0f;
        for (int j = 0; j < k; j++) s += heap[oA + b + j];
        float mean = s / k;
        float ss = 0f;
        for (int j = 0; j < k; j++) {
            float d = heap[oA + b + j] - mean;
            ss += d * d;
        }
        float inv = 1f / sqrt(ss / k + s0);
        heap[oF + i] = inv;
        for (int j = 0; j < k; j++) {
            float h = (heap[oA + b + j] - mean) * inv;
            heap[oE + b + j] = h;
            heap[oD + b + j] = heap[oB + j] * h + heap[oC + j];
        }
    }

    /** oA dy, oB xhat, oC gamma, oD invStd, oE dx. */
    private void layerNormBackRow(int i) {
        int b = i * k;
        float sg = 0f, sgx = 0f;
        for (int j = 0; j < k; j++) {
            float g = heap[oA + b + j] * heap[oC + j];
            sg += g;
            sgx += g * heap[oB + b + j];
        }
        float mg = sg / k, mgx = sgx / k;
        for (int j = 0; j < k; j++) heap[oE + b + j] = heap[oD + i] * (heap[oA + b + j] * heap[oC + j] - mg - heap[oB + b + j] * mgx);
    }

    /** Column j over m rows: oA dy, oB xhat, adds into oF dgamma and oG dbeta. */
    private void layerNormBackColumn(int j) {
        float sg = 0f, sb = 0f;
        for (int r = 0; r < m; r++) {
            float g = heap[oA + r * k + j];
            sg += g * heap[oB + r * k + j];
            sb += g;
        }
        heap[oF + j] = heap[oF + j] + sg;
        heap[oG + j] = heap[oG + j] + sb;
    }

    /** 1 when query q of example e may attend to key j: kind 1 causal, gS 1 with a key mask at oB. */
    private int attends(int e, int q, int j) {
        int ok = 1;
        if (kind == 1) {
            if (j > q) ok = 0;
        }
        if (gS == 1) {
            if (heap[oB + e * k + j] == 0f) ok = 0;
        }
        return ok;
    }

    /** The dropout factor of weight (query row prow, key j): 1, or the mask at oC when gP is 1. */
    private float dropAt(int prow, int j) {
        float f = 1f;
        if (gP == 1) f = heap[oC + prow + j];
        return f;
    }

    /**
     * Query row i of N heads T (m heads, k steps, gC width, s0 1/sqrt(dh)): oA qkv, oB key mask,
     * oC drop, oD probs, oE out.
     */
    private void attentionRow(int i) {
        int dh = gC / m, w3 = 3 * gC;
        int e = i / (m * k), h = (i / k) % m, q = i % k;
        int prow = ((e * m + h) * k + q) * k;
        int qb = oA + (e * k + q) * w3 + h * dh;
        float mx = 0f;
        int any = 0;
        for (int j = 0; j < k; j++) {
            float sc = 0f;
            if (attends(e, q, j) == 1) {
                int kb = oA + (e * k + j) * w3 + gC + h * dh;
                for (int c = 0; c < dh; c++) sc += heap[qb + c] * heap[kb + c];
                sc = sc * s0;
                if (any == 0) mx = sc;
                mx = max(mx, sc);
                any = 1;
            }
            heap[oD + prow + j] = sc;
        }
        float sum = 0f;
        for (int j = 0; j < k; j++) {
            if (attends(e, q, j) == 1) sum += exp(heap[oD + prow + j] - mx);
        }
        for (int j = 0; j < k; j++) {
            float pj = 0f;
            if (attends(e, q, j) == 1) pj = exp(heap[oD + prow + j] - mx) / sum;
            heap[oD + prow + j] = pj;
        }
        int ob = oE + (e * k + q) * gC + h * dh;
        for (int c = 0; c < dh; c++) {
            float acc = 0f;
            for (int j = 0; j < k; j++) acc += heap[oD + prow + j] * dropAt(prow, j) * heap[oA + (e * k + j) * w3 + 2 * gC + h * dh + c];
            heap[ob + c] = acc;
        }
    }

    /**
     * Backward, query row i: oA qkv, oB dOut, oC drop, oD probs, oE dQkv, oF dS (scratch, probs'
     * shape): dS = P (dP - rowsum(P dP)) / sqrt(dh), dP = (dOut V^T) drop; dQ = dS K.
     */
    private void attentionBackQueryRow(int i) {
        int dh = gC / m, w3 = 3 * gC;
        int e = i / (m * k), h = (i / k) % m, q = i % k;
        int prow = ((e * m + h) * k + q) * k;
        int gb = oB + (e * k + q) * gC + h * dh;
        float dot = 0f;
        for (int j = 0; j < k; j++) {
            int vb = oA + (e * k + j) * w3 + 2 * gC + h * dh;
            float dp = 0f;
            for (int c = 0; c < dh; c++) dp += heap[gb + c] * heap[vb + c];
            dp = dp * dropAt(prow, j);
            heap[oF + prow + j] = dp;
            dot += heap[oD + prow + j] * dp;
        }
        for (int j = 0; j < k; j++) heap[oF + prow + j] = heap[oD + prow + j] * (heap[oF + prow + j] - dot) * s0;
        int db = oE + (e * k + q) * w3 + h * dh;
        for (int c = 0; c < dh; c++) {
            float acc = 0f;
            for (int j = 0; j < k; j++) acc += heap[oF + prow + j] * heap[oA + (e * k + j) * w3 + gC + h * dh + c];
            heap[db + c] = acc;
        }
    }

    /** Backward, key row i (same decoding): dK = dS^T Q, dV = (P drop)^T dOut. */
    private void attentionBackKeyRow(int i) {
        int dh = gC / m, w3 = 3 * gC;
        int e = i / (m * k), h = (i / k) % m, j = i % k;
        int pb = (e * m + h) * k * k;
        int kb = oE + (e * k + j) * w3 + gC + h * dh;
        for (int c = 0; c < dh; c++) {
            float dk = 0f, dv = 0f;
            for (int q = 0; q < k; q++) {
                int prow = pb + q * k;
                dk += heap[oF + prow + j] * heap[oA + (e * k + q) * w3 + h * dh + c];
                dv += heap[oD + prow + j] * dropAt(prow, j) * heap[oB + (e * k + q) * gC + h * dh + c];
            }
            heap[kb + c] = dk;
            heap[kb + gC + c] = dv;
        }
    }

    /** Column j of the table gradient (k wide), rows in order: oA ids (m of them), oB dOut, oC dTable. */
    private void embeddingBackColumn(int j) {
        for (int r = 0; r < m; r++) {
            int row = (int) heap[oA + r];
            heap[oC + row * k + j] = heap[oC + row * k + j] + heap[oB + r * k + j];
        }
    }
}
