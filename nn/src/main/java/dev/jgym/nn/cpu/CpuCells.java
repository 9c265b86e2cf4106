package dev.jgym.nn.cpu;

import dev.jgym.nn.FdlibmMath;
import dev.jgym.nn.Tensor;

/**
 * Column slices and the fused recurrent cells of {@link CpuBackend}: the cells run one task per
 * row (one example), each element computed in double from float inputs with {@link StrictMath}, so results do
 * not depend on the thread count or the JVM.
 */
final class CpuCells {
    private CpuCells() {}

    static void sliceColumns(Tensor x, int from, Tensor out) {
        int rows = x.rows(), cols = x.cols(), w = out.cols();
        if (out.rows() != rows || from < 0 || from + w > cols) throw new IllegalArgumentException("sliceColumns: columns " + from + ".." + (from + w) + " of " + cols);
        float[] xs = x.data(), o = out.data();
        for (int i = 0; i < rows; i++) System.arraycopy(xs, i * cols + from, o, i * w, w);
    }

    static void addColumns(Tensor src, Tensor x, int from) {
        int rows = x.rows(), cols = x.cols(), w = src.cols();
        if (src.rows() != rows || from < 0 || from + w > cols) throw new IllegalArgumentException("addColumns: columns " + from + ".." + (from + w) + " of " + cols);
        float[] s = src.data(), xs = x.data();
        for (int i = 0; i < rows; i++) for (int j = 0; j < w; j++) xs[i * cols + from + j] += s[i * w + j];
    }

    static void selectRows(Tensor mask, Tensor a, Tensor b, Tensor out) {
        a.requireSameShape(b, "selectRows");
        a.requireSameShape(out, "selectRows");
        int rows = a.rows(), cols = a.cols();
        if (mask.size() != rows) throw new IllegalArgumentException("selectRows: mask has " + mask.size() + " values for " + rows + " rows");
        float[] m = mask.data(), as = a.data(), bs = b.data(), o = out.data();
        for (int i = 0; i < rows; i++) {
            float[] src = m[i] != 0 ? as : bs;
            if (src != o) System.arraycopy(src, i * cols, o, i * cols, cols);
        }
    }

    private static final ThreadLocal<double[]> GATES = ThreadLocal.withInitial(() -> new double[0]);

    /** This thread's scratch for one row's gates, at least {@code size} doubles (grown, never shrunk: a cell's width). */
    private static double[] gateScratch(int size) {
        double[] s = GATES.get();
        if (s.length < size) GATES.set(s = new double[size]);
        return s;
    }

    static void lstmCell(CpuBackend be, Tensor gates, Tensor cPrev, Tensor act, Tensor c, Tensor h) {
        int rows = gates.rows(), hid = c.cols();
        if (gates.cols() != 4 * hid) throw new IllegalArgumentException("lstmCell: gates must be [N, 4H], H = " + hid);
        float[] g = gates.data(), cp = cPrev.data(), a = act.data(), cs = c.data(), hs = h.data();
        be.parallelFor(rows, n -> {
            int gb = n * 4 * hid, hb = n * hid;
            double[] s = gateScratch(3 * hid); // the input, forget and output gates' sigmoids, on the kernel's lanes
            for (int j = 0; j < 2 * hid; j++) s[j] = g[gb + j];
            for (int j = 0; j < hid; j++) s[2 * hid + j] = g[gb + 3 * hid + j];
            be.kernel().sigmoid(s, s, 0, 3 * hid);
            for (int j = 0; j < hid; j++) {
                double i = s[j], f = s[hid + j];
                double gg = FdlibmMath.tanh(g[gb + 2 * hid + j]), o = s[2 * hid + j];
                a[gb + j] = (float) i;
                a[gb + hid + j] = (float) f;
                a[gb + 2 * hid + j] = (float) gg;
                a[gb + 3 * hid + j] = (float) o;
                float cv = (float) (f * cp[hb + j] + i * gg);
                cs[hb + j] = cv;
                hs[hb + j] = (float) (o * FdlibmMath.tanh(cv));
            }
        });
    }

    static void lstmCellBackward(CpuBackend be, Tensor act, Tensor cPrev, Tensor c, Tensor dh, Tensor dc, Tensor dGates) {
        int rows = c.rows(), hid = c.cols();
        float[] a = act.data(), cp = cPrev.data(), cs = c.data(), gh = dh.data(), gc = dc.data(), o = dGates.data();
        be.parallelFor(rows, n -> {
            int gb = n * 4 * hid, hb = n * hid;
            for (int j = 0; j < hid; j++) {
                double i = a[gb + j], f = a[gb + hid + j], g = a[gb + 2 * hid + j], og = a[gb + 3 * hid + j];
                double tc = FdlibmMath.tanh(cs[hb + j]);
                double dhv = gh[hb + j];
                double dcv = gc[hb + j] + dhv * og * (1 - tc * tc);
                o[gb + j] = (float) (dcv * g * i * (1 - i));
                o[gb + hid + j] = (float) (dcv * cp[hb + j] * f * (1 - f));
                o[gb + 2 * hid + j] = (float) (dcv * i * (1 - g * g));
                o[gb + 3 * hid + j] = (float) (dhv * tc * og * (1 - og));
                gc[hb + j] = (float) (dcv * f);
            }
        });
    }

    static void gruCell(CpuBackend be, Tensor gx, Tensor gh, Tensor hPrev, Tensor act, Tensor h) {
        int rows = h.rows(), hid = h.cols();
        if (gx.cols() != 3 * hid || gh.cols() != 3 * hid) throw new IllegalArgumentException("gruCell: gx and gh must be [N, 3H], H = " + hid);
        float[] x = gx.data(), r = gh.data(), hp = hPrev.data(), a = act.data(), hs = h.data();
        be.parallelFor(rows, n -> {
            int gb = n * 3 * hid, hb = n * hid;
            double[] s = gateScratch(2 * hid); // the reset and update gates' sigmoids, on the kernel's lanes
            for (int j = 0; j < 2 * hid; j++) s[j] = (double) x[gb + j] + r[gb + j];
            be.kernel().sigmoid(s, s, 0, 2 * hid);
            for (int j = 0; j < hid; j++) {
                double rv = s[j];
                double zv = s[hid + j];
                double nv = FdlibmMath.tanh(x[gb + 2 * hid + j] + rv * r[gb + 2 * hid + j]);
                a[gb + j] = (float) rv;
                a[gb + hid + j] = (float) zv;
                a[gb + 2 * hid + j] = (float) nv;
                hs[hb + j] = (float) ((1 - zv) * nv + zv * hp[hb + j]);
            }
        });
    }

    static void gruCellBackward(CpuBackend be, Tensor act, Tensor gh, Tensor hPrev, Tensor dh, Tensor dgx, Tensor dgh, Tensor dhPrev) {
        int rows = hPrev.rows(), hid = hPrev.cols();
        float[] a = act.data(), r = gh.data(), hp = hPrev.data(), g = dh.data(), ox = dgx.data(), oh = dgh.data(), op = dhPrev.data();
        be.parallelFor(rows, n -> {
            int gb = n * 3 * hid, hb = n * hid;
            for (int j = 0; j < hid; j++) {
                double rv = a[gb + j], zv = a[gb + hid + j], nv = a[gb + 2 * hid + j], d = g[hb + j];
                double dn = d * (1 - zv) * (1 - nv * nv);
                double dz = d * (hp[hb + j] - nv) * zv * (1 - zv);
                double dr = dn * r[gb + 2 * hid + j] * rv * (1 - rv);
                ox[gb + j] = (float) dr;
                ox[gb + hid + j] = (float) dz;
                ox[gb + 2 * hid + j] = (float) dn;
                oh[gb + j] = (float) dr;
                oh[gb + hid + j] = (float) dz;
                oh[gb + 2 * hid + j] = (float) (dn * rv);
                op[hb + j] = (float) (d * zv);
            }
        });
    }
}
