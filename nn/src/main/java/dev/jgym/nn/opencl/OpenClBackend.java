package dev.jgym.nn.opencl;

import com.aparapi.Range;
import com.aparapi.device.OpenCLDevice;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.PointLoss;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.Window2d;
import java.util.Arrays;

/**
 * The NN core on an OpenCL device, through Aparapi: every {@link Backend} operation is a branch
 * of one kernel ({@link NnKernel}) over one device heap, so tensors stay on the device between
 * operations.
 *
 * <p>Memory: a tensor gets a place in the device heap the first time an operation uses it
 * ({@link DeviceMemory}). Its values are uploaded then, and again only after
 * {@link #hostChanged}; an operation's output is current on the device only, until
 * {@link #toHost} copies it back. Weights, gradients and optimizer state therefore cross the bus
 * once; a training step uploads its batch and downloads the few floats behind its loss value.
 * {@link #transfers()} counts every copy, {@link #transfers(Tensor)} those of one tensor.
 *
 * <p>No silent fallback: Aparapi runs a kernel on Java threads when OpenCL is missing or the
 * kernel does not translate. Every launch checks {@code isRunningCL()} and a fallback is an
 * {@link IllegalStateException} naming the device, never a slow path. The constructor compiles the
 * kernel (1.5-3 s on PoCL) and makes this check once before any real work.
 *
 * <p>Precision: float32 on the device (the CPU backend accumulates some sums and the optimizer
 * updates in double); reductions add per-work-group partial sums on the host in double. Results
 * match the CPU backend within the tolerances its test states, not bit for bit.
 *
 * <p>Threads: one kernel instance per backend, and every operation holds the backend's lock, so
 * dispatch is single-threaded (Aparapi has crashed with instances of one kernel class on several
 * threads, aparapi#62).
 */
public final class OpenClBackend implements Backend {
    private static final int DEFAULT_HEAP = 1 << 22;

    private final OpenCLDevice device;
    private final String platform;
    private final NnKernel kernel = new NnKernel();
    private final DeviceMemory memory;
    private long uploads, uploadedBytes, downloads, downloadedBytes, launches;
    private boolean closed;

    /** Opens the device with a heap of 4 Mi floats (16 MiB) to start; it grows when full. */
    public OpenClBackend(OpenCLDevice device) {
        this(device, DEFAULT_HEAP);
    }

    /** @param heapFloats the device heap's starting size in floats (it doubles when full) */
    public OpenClBackend(OpenCLDevice device, int heapFloats) {
        this.device = device;
        this.platform = device.getOpenCLPlatform().getName();
        int cap = DeviceMemory.units(Math.max(DeviceMemory.ALIGN, heapFloats));
        this.memory = new DeviceMemory(cap);
        kernel.setExplicit(true);
        kernel.heap = new float[cap];
        kernel.put(kernel.heap);
        kernel.op = NnKernel.NOOP;
        launch(Range.create(device, NnKernel.LOCAL_1D, NnKernel.LOCAL_1D));
    }

    @Override
    public String name() {
        return "opencl (" + device.getName().trim() + ", " + platform.trim() + ")";
    }

    public OpenCLDevice device() {
        return device;
    }

    /** True when the last launch ran on OpenCL on this backend's device (always, or it threw). */
    public synchronized boolean ranOnOpenCl() {
        return kernel.isRunningCL() && sameDevice(kernel.getTargetDevice(), device);
    }

    /** Kernel launches so far (the compile check included). */
    public synchronized long launches() {
        return launches;
    }

    /** Every host-device copy so far. */
    public synchronized TransferStats transfers() {
        return new TransferStats(uploads, uploadedBytes, downloads, downloadedBytes);
    }

    /** Copies of this tensor's values so far, either way (0 when the device never saw it). */
    public synchronized long transfers(Tensor t) {
        DeviceMemory.Region r = memory.find(t.data());
        return r == null ? 0 : r.transfers;
    }

    /** The device heap's size in floats (it grows when full). */
    public synchronized int heapFloats() {
        return memory.capacity();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        kernel.dispose();
    }

    // ---- launching ----------------------------------------------------------------------------

    private void launch(Range range) {
        if (closed) throw new IllegalStateException(name() + " is closed");
        executeOnOpenCl(kernel, range, device);
        launches++;
    }

    /**
     * Executes k over range on device and throws an {@link IllegalStateException} when Aparapi
     * did not run it there. Two ways a fallback shows: with assertions on (-ea, as under Surefire)
     * Aparapi's own assert rejects the device-bound range once it has fallen back; without them it
     * runs on Java threads and {@code isRunningCL()} says so.
     */
    static void executeOnOpenCl(com.aparapi.Kernel k, Range range, OpenCLDevice device) {
        try {
            k.execute(range);
        } catch (AssertionError e) {
            throw fellBack(k, device, e);
        }
        requireOpenCl(k, device);
    }

    private static IllegalStateException fellBack(com.aparapi.Kernel k, OpenCLDevice device, Throwable cause) {
        return new IllegalStateException("OpenCL backend: " + k.getClass().getSimpleName() + " did not run on OpenCL on "
                + device.getName().trim() + " (Aparapi fell back to Java threads; its log above says why). Use backend"
                + " cpu, or fix the OpenCL installation (`jgym devices` lists what it finds).", cause);
    }

    /**
     * Throws when {@code k}'s last execution did not run on OpenCL on {@code device}: Aparapi fell
     * back to Java threads (no OpenCL, or a kernel it could not translate; its log says which).
     */
    static void requireOpenCl(com.aparapi.Kernel k, OpenCLDevice device) {
        if (!k.isRunningCL() || !sameDevice(k.getTargetDevice(), device)) throw fellBack(k, device, null);
    }

    /** Same OpenCL device (by cl_device_id: Aparapi may hand back another object for it). */
    static boolean sameDevice(com.aparapi.device.Device target, OpenCLDevice device) {
        return target instanceof OpenCLDevice d && d.getDeviceId() == device.getDeviceId();
    }

    private void launch1d(int items) {
        int local = NnKernel.LOCAL_1D;
        int global = Math.max(1, (items + local - 1) / local) * local;
        launch(Range.create(device, global, local));
    }

    // ---- memory ---------------------------------------------------------------------------------

    private DeviceMemory.Region region(float[] a) {
        DeviceMemory.Region r = memory.find(a);
        if (r != null) return r;
        memory.reclaim();
        r = memory.register(a);
        if (r == null) {
            System.gc();
            memory.reclaim();
            r = memory.register(a);
        }
        while (r == null) {
            growHeap(a.length);
            r = memory.register(a);
        }
        r.hostCurrent = true;
        return r;
    }

    private int scratch(int n) {
        int off = memory.allocate(n);
        while (off < 0) {
            growHeap(n);
            off = memory.allocate(n);
        }
        return off;
    }

    /** Doubles the heap (at least by n): its values come back to the host and go out again. */
    private void growHeap(int n) {
        long wanted = Math.max(2L * memory.capacity(), (long) memory.capacity() + DeviceMemory.units(n));
        long limit = Math.min(Integer.MAX_VALUE - 64, device.getMaxMemAllocSize() / Float.BYTES);
        if (wanted > limit) {
            throw new IllegalStateException("OpenCL backend: the device heap needs " + wanted + " floats, "
                    + device.getName().trim() + " allows " + limit + " in one buffer");
        }
        int cap = DeviceMemory.units((int) wanted);
        kernel.get(kernel.heap);
        downloads++;
        downloadedBytes += 4L * kernel.heap.length;
        kernel.heap = Arrays.copyOf(kernel.heap, cap);
        kernel.put(kernel.heap);
        uploads++;
        uploadedBytes += 4L * cap;
        memory.grow(cap);
    }

    /** The offset of t for reading: uploads it when the device copy is missing or stale. */
    private int in(Tensor t) {
        float[] a = t.data();
        DeviceMemory.Region r = region(a);
        if (!r.deviceCurrent) {
            if (a.length > 0) {
                kernel.stage = a;
                kernel.put(a);
                kernel.op = NnKernel.COPY_IN;
                kernel.oS = r.offset;
                kernel.nS = a.length;
                launch1d(a.length);
                uploads++;
                uploadedBytes += 4L * a.length;
                r.transfers++;
            }
            r.deviceCurrent = true;
        }
        return r.offset;
    }

    /** The offset of t for writing: afterwards only the device copy is current. */
    private int out(Tensor t) {
        DeviceMemory.Region r = region(t.data());
        r.deviceCurrent = true;
        r.hostCurrent = false;
        return r.offset;
    }

    /** The offset of t, read and then written. */
    private int inOut(Tensor t) {
        int off = in(t);
        out(t);
        return off;
    }

    /** Copies n floats at a heap offset into host array a. */
    private void download(int offset, float[] a, int n) {
        if (n == 0) return;
        kernel.stage = a;
        kernel.op = NnKernel.COPY_OUT;
        kernel.oS = offset;
        kernel.nS = n;
        launch1d(n);
        kernel.get(a);
        downloads++;
        downloadedBytes += 4L * n;
    }

    @Override
    public synchronized void toHost(Tensor t) {
        DeviceMemory.Region r = memory.find(t.data());
        if (r == null || r.hostCurrent) return;
        download(r.offset, t.data(), t.size());
        r.transfers++;
        r.hostCurrent = true;
    }

    @Override
    public synchronized void hostChanged(Tensor t) {
        DeviceMemory.Region r = memory.find(t.data());
        if (r == null) return;
        r.hostCurrent = true;
        r.deviceCurrent = false;
    }

    // ---- GEMM ------------------------------------------------------------------------------------

    @Override
    public synchronized void gemm(boolean transA, boolean transB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        final int m = c.rows(), n = c.cols();
        final int am = transA ? a.cols() : a.rows(), ak = transA ? a.rows() : a.cols();
        final int bk = transB ? b.cols() : b.rows(), bn = transB ? b.rows() : b.cols();
        if (am != m || bn != n || ak != bk) {
            throw new IllegalArgumentException("gemm: op(A) is " + am + "x" + ak + ", op(B) is " + bk + "x" + bn + ", C is " + m + "x" + n);
        }
        if (m == 0 || n == 0) return;
        kernel.oA = in(a);
        kernel.oB = in(b);
        kernel.oC = beta == 0 ? out(c) : inOut(c);
        kernel.op = NnKernel.GEMM;
        kernel.m = m;
        kernel.n = n;
        kernel.k = ak;
        kernel.transA = transA ? 1 : 0;
        kernel.transB = transB ? 1 : 0;
        kernel.s0 = alpha;
        kernel.s1 = beta;
        int gx = (n + NnKernel.TILE - 1) / NnKernel.TILE * NnKernel.GROUP;
        int gy = (m + NnKernel.TILE - 1) / NnKernel.TILE * NnKernel.GROUP;
        launch(Range.create2D(device, gx, gy, NnKernel.GROUP, NnKernel.GROUP));
    }

    // ---- elementwise ------------------------------------------------------------------------------

    private void binary(int op, Tensor a, Tensor b, Tensor out, String what) {
        a.requireSameShape(b, what);
        a.requireSameShape(out, what);
        kernel.oA = in(a);
        kernel.oB = in(b);
        kernel.oC = out(out);
        elementwise(op, out.size());
    }

    private void elementwise(int op, int n) {
        if (n == 0) return;
        kernel.op = op;
        kernel.n = n;
        launch1d(n);
    }

    @Override
    public synchronized void add(Tensor a, Tensor b, Tensor out) {
        binary(NnKernel.ADD, a, b, out, "add");
    }

    @Override
    public synchronized void sub(Tensor a, Tensor b, Tensor out) {
        binary(NnKernel.SUB, a, b, out, "sub");
    }

    @Override
    public synchronized void mul(Tensor a, Tensor b, Tensor out) {
        binary(NnKernel.MUL, a, b, out, "mul");
    }

    @Override
    public synchronized void scale(Tensor x, float s, Tensor out) {
        x.requireSameShape(out, "scale");
        kernel.oA = in(x);
        kernel.oC = out(out);
        kernel.s0 = s;
        elementwise(NnKernel.SCALE, out.size());
    }

    @Override
    public synchronized void axpy(float alpha, Tensor x, Tensor y) {
        x.requireSameShape(y, "axpy");
        kernel.oA = in(x);
        kernel.oC = inOut(y);
        kernel.s0 = alpha;
        elementwise(NnKernel.AXPY, y.size());
    }

    @Override
    public synchronized void addRowVector(Tensor x, Tensor row, Tensor out) {
        x.requireSameShape(out, "addRowVector");
        int cols = x.cols();
        if (row.size() != cols) throw new IllegalArgumentException("addRowVector: row has " + row.size() + " values, x has " + cols + " columns");
        kernel.oA = in(x);
        kernel.oB = in(row);
        kernel.oC = out(out);
        kernel.k = Math.max(1, cols);
        elementwise(NnKernel.ADD_ROW, out.size());
    }

    @Override
    public synchronized void sumRows(Tensor x, float beta, Tensor out) {
        int rows = x.rows(), cols = x.cols();
        if (out.size() != cols) throw new IllegalArgumentException("sumRows: out has " + out.size() + " values, x has " + cols + " columns");
        if (cols == 0) return;
        kernel.oA = in(x);
        kernel.oC = beta == 0 ? out(out) : inOut(out);
        kernel.op = NnKernel.SUM_ROWS;
        kernel.m = rows;
        kernel.k = cols;
        kernel.s0 = beta;
        launch1d(cols);
    }

    @Override
    public synchronized void fill(Tensor x, float value) {
        kernel.oC = out(x);
        kernel.s0 = value;
        elementwise(NnKernel.FILL, x.size());
    }

    // ---- reductions ------------------------------------------------------------------------------

    /** Sum (or sum of squares) of n floats at offset: partial sums per work-group, added on the host in double. */
    private double reduce(int offset, int n, boolean squares, double acc) {
        if (n == 0) return acc;
        int groups = Math.min(64, (n + NnKernel.LOCAL_1D - 1) / NnKernel.LOCAL_1D);
        int partials = scratch(groups);
        try {
            kernel.op = NnKernel.REDUCE;
            kernel.oA = offset;
            kernel.oC = partials;
            kernel.n = n;
            kernel.flag = squares ? 1 : 0;
            launch(Range.create(device, groups * NnKernel.LOCAL_1D, NnKernel.LOCAL_1D));
            float[] host = new float[groups];
            download(partials, host, groups);
            for (float v : host) acc += v;
            return acc;
        } finally {
            memory.release(partials, groups);
        }
    }

    @Override
    public synchronized double sum(Tensor x) {
        return reduce(in(x), x.size(), false, 0);
    }

    @Override
    public synchronized double sumSquares(Tensor x) {
        return reduce(in(x), x.size(), true, 0);
    }

    @Override
    public synchronized double addSumSquares(double acc, Tensor x) {
        return reduce(in(x), x.size(), true, acc);
    }

    @Override
    public synchronized int[] argmaxRows(Tensor x) {
        int rows = x.rows(), cols = x.cols();
        int[] result = new int[rows];
        if (rows == 0 || cols == 0) return result;
        int oA = in(x);
        int out = scratch(rows);
        try {
            kernel.op = NnKernel.ARGMAX;
            kernel.oA = oA;
            kernel.oC = out;
            kernel.m = rows;
            kernel.k = cols;
            launch1d(rows);
            float[] host = new float[rows];
            download(out, host, rows);
            for (int i = 0; i < rows; i++) result[i] = (int) host[i];
            return result;
        } finally {
            memory.release(out, rows);
        }
    }

    // ---- activations -----------------------------------------------------------------------------

    @Override
    public synchronized void activation(ActivationKind kind, float param, Tensor x, Tensor y) {
        x.requireSameShape(y, "activation");
        kernel.oA = in(x);
        kernel.oC = out(y);
        kernel.kind = kind.ordinal();
        kernel.s0 = param;
        elementwise(NnKernel.ACT, y.size());
    }

    @Override
    public synchronized void activationBackward(ActivationKind kind, float param, Tensor x, Tensor y, Tensor dy, Tensor dx) {
        x.requireSameShape(dy, "activationBackward");
        x.requireSameShape(dx, "activationBackward");
        kernel.oA = in(x);
        kernel.oB = in(y);
        kernel.oC = in(dy);
        kernel.oD = out(dx);
        kernel.kind = kind.ordinal();
        kernel.s0 = param;
        elementwise(NnKernel.ACT_BACK, dx.size());
    }

    private void rows(int op, int rows, int cols) {
        if (rows == 0 || cols == 0) return;
        kernel.op = op;
        kernel.m = rows;
        kernel.k = cols;
        launch1d(rows);
    }

    @Override
    public synchronized void softmaxRows(Tensor x, Tensor y) {
        x.requireSameShape(y, "softmaxRows");
        kernel.oA = in(x);
        kernel.oC = out(y);
        rows(NnKernel.SOFTMAX, x.rows(), x.cols());
    }

    @Override
    public synchronized void softmaxBackward(Tensor y, Tensor dy, Tensor dx) {
        y.requireSameShape(dy, "softmaxBackward");
        y.requireSameShape(dx, "softmaxBackward");
        kernel.oA = in(y);
        kernel.oB = in(dy);
        kernel.oC = out(dx);
        rows(NnKernel.SOFTMAX_BACK, y.rows(), y.cols());
    }

    // ---- losses ----------------------------------------------------------------------------------

    @Override
    public synchronized double softmaxCrossEntropy(Tensor logits, Tensor target, Tensor grad) {
        logits.requireSameShape(target, "softmaxCrossEntropy");
        if (grad != null) logits.requireSameShape(grad, "softmaxCrossEntropy");
        int rows = logits.rows(), cols = logits.cols();
        if (rows == 0 || cols == 0) return 0;
        int oA = in(logits), oB = in(target);
        int oC = grad == null ? 0 : out(grad);
        int losses = scratch(rows);
        try {
            kernel.oA = oA;
            kernel.oB = oB;
            kernel.oC = oC;
            kernel.oD = losses;
            kernel.flag = grad == null ? 0 : 1;
            rows(NnKernel.SOFTMAX_XENT, rows, cols);
            float[] host = new float[rows];
            download(losses, host, rows);
            double total = 0;
            for (float v : host) total += v;
            return total;
        } finally {
            memory.release(losses, rows);
        }
    }

    @Override
    public synchronized double pointwiseLoss(PointLoss kind, float param, Tensor pred, Tensor target, Tensor grad) {
        pred.requireSameShape(target, "pointwiseLoss");
        if (grad != null) pred.requireSameShape(grad, "pointwiseLoss");
        int n = pred.size();
        if (n == 0) return 0;
        int oA = in(pred), oB = in(target);
        int oC = grad == null ? 0 : out(grad);
        int values = scratch(n);
        try {
            kernel.oA = oA;
            kernel.oB = oB;
            kernel.oC = oC;
            kernel.oD = values;
            kernel.kind = kind.ordinal();
            kernel.s0 = param;
            kernel.flag = grad == null ? 0 : 1;
            elementwise(NnKernel.POINT_LOSS, n);
            return reduce(values, n, false, 0);
        } finally {
            memory.release(values, n);
        }
    }

    // ---- batch normalisation ----------------------------------------------------------------------

    @Override
    public synchronized void batchNormTrain(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        int rows = x.rows(), cols = x.cols();
        if (cols == 0) return;
        kernel.oA = in(x);
        kernel.oB = in(gamma);
        kernel.oC = in(beta);
        kernel.oD = out(y);
        kernel.oE = out(xhat);
        kernel.oF = out(mean);
        kernel.oG = out(var);
        kernel.oH = out(invStd);
        kernel.s0 = eps;
        kernel.op = NnKernel.BN_TRAIN;
        kernel.m = rows;
        kernel.k = cols;
        launch1d(cols);
    }

    @Override
    public synchronized void batchNormEval(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        int cols = x.cols();
        kernel.oA = in(x);
        kernel.oB = in(gamma);
        kernel.oC = in(beta);
        kernel.oD = in(mean);
        kernel.oE = in(var);
        kernel.oF = out(y);
        kernel.s0 = eps;
        kernel.k = Math.max(1, cols);
        elementwise(NnKernel.BN_EVAL, y.size());
    }

    @Override
    public synchronized void batchNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        int rows = dy.rows(), cols = dy.cols();
        if (cols == 0) return;
        kernel.oA = in(dy);
        kernel.oB = in(xhat);
        kernel.oC = in(gamma);
        kernel.oD = in(invStd);
        kernel.oE = out(dx);
        kernel.oF = inOut(dgamma);
        kernel.oG = inOut(dbeta);
        kernel.op = NnKernel.BN_BACK;
        kernel.m = rows;
        kernel.k = cols;
        launch1d(cols);
    }

    // ---- optimizer updates ---------------------------------------------------------------------------

    @Override
    public synchronized void sgdUpdate(Tensor w, Tensor grad, Tensor velocity, double lr, double momentum, boolean nesterov, double weightDecay) {
        w.requireSameShape(grad, "sgdUpdate");
        kernel.oB = in(grad);
        if (momentum != 0) {
            w.requireSameShape(velocity, "sgdUpdate");
            kernel.oC = inOut(velocity);
        }
        kernel.oA = inOut(w);
        kernel.s0 = (float) lr;
        kernel.s1 = (float) momentum;
        kernel.s2 = (float) weightDecay;
        kernel.flag = momentum == 0 ? 0 : nesterov ? 2 : 1;
        elementwise(NnKernel.SGD, w.size());
    }

    @Override
    public synchronized void rmsPropUpdate(Tensor w, Tensor grad, Tensor square, double lr, double alpha, double eps, double weightDecay) {
        w.requireSameShape(grad, "rmsPropUpdate");
        w.requireSameShape(square, "rmsPropUpdate");
        kernel.oB = in(grad);
        kernel.oC = inOut(square);
        kernel.oA = inOut(w);
        kernel.s0 = (float) lr;
        kernel.s1 = (float) alpha;
        kernel.s2 = (float) eps;
        kernel.s3 = (float) weightDecay;
        elementwise(NnKernel.RMSPROP, w.size());
    }

    @Override
    public synchronized void adamUpdate(Tensor w, Tensor grad, Tensor m, Tensor v, double lr, double beta1, double beta2, double eps,
                                        double weightDecay, boolean decoupled, long t) {
        w.requireSameShape(grad, "adamUpdate");
        w.requireSameShape(m, "adamUpdate");
        w.requireSameShape(v, "adamUpdate");
        kernel.oB = in(grad);
        kernel.oC = inOut(m);
        kernel.oD = inOut(v);
        kernel.oA = inOut(w);
        kernel.s0 = (float) lr;
        kernel.s1 = (float) beta1;
        kernel.s2 = (float) beta2;
        kernel.s3 = (float) eps;
        kernel.s4 = (float) weightDecay;
        kernel.s5 = (float) (1 - Math.pow(beta1, t));
        kernel.s6 = (float) (1 - Math.pow(beta2, t));
        kernel.flag = decoupled ? 1 : 0;
        elementwise(NnKernel.ADAM, w.size());
    }
    // ---- convolution and pooling (one work-item per output element, gathers) ------------------------

    private void window(Window2d g, int filters) {
        kernel.gC = g.channels();
        kernel.gH = g.height();
        kernel.gW = g.width();
        kernel.gKh = g.kernelH();
        kernel.gKw = g.kernelW();
        kernel.gS = g.stride();
        kernel.gP = g.padding();
        kernel.gD = g.dilation();
        kernel.gOh = g.outHeight();
        kernel.gOw = g.outWidth();
        kernel.gO = filters;
    }

    private static void checkInput(Tensor x, Window2d g, String op) {
        if (x.cols() != g.inSize()) throw new IllegalArgumentException(op + ": x has " + x.cols() + " values per example, the window expects " + g.inSize());
    }

    private static void checkShape(Tensor t, int rows, int cols, String op, String what) {
        if (t.rows() != rows || t.cols() != cols) throw new IllegalArgumentException(op + ": " + what + " must be [" + rows + ", " + cols + "], is " + t.rows() + "x" + t.cols());
    }

    @Override
    public synchronized void conv2d(Tensor x, Window2d g, Tensor weight, Tensor bias, Tensor y) {
        checkInput(x, g, "conv2d");
        int batch = x.rows(), filters = weight.rows();
        checkShape(weight, filters, g.patchSize(), "conv2d", "weight");
        checkShape(y, batch, filters * g.outPlane(), "conv2d", "y");
        if (bias != null && bias.size() != filters) throw new IllegalArgumentException("conv2d: bias has " + bias.size() + " values for " + filters + " filters");
        kernel.oA = in(x);
        kernel.oB = in(weight);
        kernel.oC = bias == null ? 0 : in(bias);
        kernel.oD = out(y);
        kernel.flag = bias == null ? 0 : 1;
        window(g, filters);
        elementwise(NnKernel.CONV, y.size());
    }

    @Override
    public synchronized void conv2dBackward(Tensor x, Window2d g, Tensor weight, Tensor dy, Tensor dx, Tensor dWeight, Tensor dBias) {
        checkInput(x, g, "conv2dBackward");
        int batch = x.rows(), filters = weight.rows();
        checkShape(weight, filters, g.patchSize(), "conv2dBackward", "weight");
        checkShape(dWeight, filters, g.patchSize(), "conv2dBackward", "dWeight");
        checkShape(dy, batch, filters * g.outPlane(), "conv2dBackward", "dy");
        if (dx != null) checkShape(dx, batch, g.inSize(), "conv2dBackward", "dx");
        if (dBias != null && dBias.size() != filters) throw new IllegalArgumentException("conv2dBackward: dBias has " + dBias.size() + " values for " + filters + " filters");
        window(g, filters);
        kernel.m = batch;
        if (dBias != null) {
            kernel.oB = in(dy);
            kernel.oD = inOut(dBias);
            elementwise(NnKernel.CONV_BACK_B, filters);
        }
        kernel.oA = in(x);
        kernel.oB = in(dy);
        kernel.oC = inOut(dWeight);
        elementwise(NnKernel.CONV_BACK_W, dWeight.size());
        if (dx != null) {
            kernel.oB = in(dy);
            kernel.oE = in(weight);
            kernel.oF = out(dx);
            elementwise(NnKernel.CONV_BACK_X, dx.size());
        }
    }

    @Override
    public synchronized void maxPool2d(Tensor x, Window2d g, Tensor y) {
        checkInput(x, g, "maxPool2d");
        checkShape(y, x.rows(), g.channels() * g.outPlane(), "maxPool2d", "y");
        kernel.oA = in(x);
        kernel.oC = out(y);
        window(g, 0);
        elementwise(NnKernel.MAX_POOL, y.size());
    }

    @Override
    public synchronized void maxPool2dBackward(Tensor x, Window2d g, Tensor dy, Tensor dx) {
        checkInput(x, g, "maxPool2dBackward");
        checkShape(dy, x.rows(), g.channels() * g.outPlane(), "maxPool2dBackward", "dy");
        checkShape(dx, x.rows(), g.inSize(), "maxPool2dBackward", "dx");
        kernel.oA = in(x);
        kernel.oB = in(dy);
        kernel.oC = out(dx);
        window(g, 0);
        elementwise(NnKernel.MAX_POOL_BACK, dx.size());
    }

    @Override
    public synchronized void avgPool2d(Tensor x, Window2d g, Tensor y) {
        checkInput(x, g, "avgPool2d");
        checkShape(y, x.rows(), g.channels() * g.outPlane(), "avgPool2d", "y");
        kernel.oA = in(x);
        kernel.oC = out(y);
        kernel.s0 = 1f / (g.kernelH() * g.kernelW());
        window(g, 0);
        elementwise(NnKernel.AVG_POOL, y.size());
    }

    @Override
    public synchronized void avgPool2dBackward(Window2d g, Tensor dy, Tensor dx) {
        checkShape(dy, dx.rows(), g.channels() * g.outPlane(), "avgPool2dBackward", "dy");
        checkShape(dx, dy.rows(), g.inSize(), "avgPool2dBackward", "dx");
        kernel.oB = in(dy);
        kernel.oC = out(dx);
        kernel.s0 = 1f / (g.kernelH() * g.kernelW());
        window(g, 0);
        elementwise(NnKernel.AVG_POOL_BACK, dx.size());
    }

    // ---- column blocks, row selection, recurrent cells -------------------------------------------------

    @Override
    public synchronized void sliceColumns(Tensor x, int from, Tensor out) {
        int rows = x.rows(), cols = x.cols(), w = out.cols();
        if (out.rows() != rows || from < 0 || from + w > cols) throw new IllegalArgumentException("sliceColumns: columns " + from + ".." + (from + w) + " of " + cols);
        if (w == 0) return;
        kernel.oA = in(x);
        kernel.oC = out(out);
        kernel.m = w;
        kernel.k = cols;
        kernel.gS = from;
        elementwise(NnKernel.SLICE_COLS, out.size());
    }

    @Override
    public synchronized void addColumns(Tensor src, Tensor x, int from) {
        int rows = x.rows(), cols = x.cols(), w = src.cols();
        if (src.rows() != rows || from < 0 || from + w > cols) throw new IllegalArgumentException("addColumns: columns " + from + ".." + (from + w) + " of " + cols);
        if (w == 0) return;
        kernel.oA = in(src);
        kernel.oC = inOut(x);
        kernel.m = w;
        kernel.k = cols;
        kernel.gS = from;
        elementwise(NnKernel.ADD_COLS, src.size());
    }

    @Override
    public synchronized void selectRows(Tensor mask, Tensor a, Tensor b, Tensor out) {
        a.requireSameShape(b, "selectRows");
        a.requireSameShape(out, "selectRows");
        if (mask.size() != a.rows()) throw new IllegalArgumentException("selectRows: mask has " + mask.size() + " values for " + a.rows() + " rows");
        if (a.cols() == 0) return;
        kernel.oA = in(mask);
        kernel.oB = in(a);
        kernel.oC = in(b);
        kernel.oD = out == a || out == b ? inOut(out) : out(out);
        kernel.k = a.cols();
        elementwise(NnKernel.SELECT_ROWS, out.size());
    }

    @Override
    public synchronized void lstmCell(Tensor gates, Tensor cPrev, Tensor act, Tensor c, Tensor h) {
        int hid = c.cols();
        if (gates.cols() != 4 * hid) throw new IllegalArgumentException("lstmCell: gates must be [N, 4H], H = " + hid);
        if (hid == 0) return;
        kernel.oA = in(gates);
        kernel.oB = in(cPrev);
        kernel.oC = out(act);
        kernel.oD = out(c);
        kernel.oE = out(h);
        kernel.k = hid;
        elementwise(NnKernel.LSTM, c.size());
    }

    @Override
    public synchronized void lstmCellBackward(Tensor act, Tensor cPrev, Tensor c, Tensor dh, Tensor dc, Tensor dGates) {
        int hid = c.cols();
        if (hid == 0) return;
        kernel.oA = in(act);
        kernel.oB = in(cPrev);
        kernel.oC = in(c);
        kernel.oD = in(dh);
        kernel.oE = inOut(dc);
        kernel.oF = out(dGates);
        kernel.k = hid;
        elementwise(NnKernel.LSTM_BACK, c.size());
    }

    @Override
    public synchronized void gruCell(Tensor gx, Tensor gh, Tensor hPrev, Tensor act, Tensor h) {
        int hid = h.cols();
        if (gx.cols() != 3 * hid || gh.cols() != 3 * hid) throw new IllegalArgumentException("gruCell: gx and gh must be [N, 3H], H = " + hid);
        if (hid == 0) return;
        kernel.oA = in(gx);
        kernel.oB = in(gh);
        kernel.oC = in(hPrev);
        kernel.oD = out(act);
        kernel.oE = out(h);
        kernel.k = hid;
        elementwise(NnKernel.GRU, h.size());
    }

    @Override
    public synchronized void gruCellBackward(Tensor act, Tensor gh, Tensor hPrev, Tensor dh, Tensor dgx, Tensor dgh, Tensor dhPrev) {
        int hid = hPrev.cols();
        if (hid == 0) return;
        kernel.oA = in(act);
        kernel.oB = in(gh);
        kernel.oC = in(hPrev);
        kernel.oD = in(dh);
        kernel.oE = out(dgx);
        kernel.oF = out(dgh);
        kernel.oG = out(dhPrev);
        kernel.k = hid;
        elementwise(NnKernel.GRU_BACK, hPrev.size());
    }
    // ---- local response normalisation, per-channel batch normalisation ------------------------------

    private static int plane(Tensor x, int channels, String op) {
        if (channels < 1 || x.cols() % channels != 0) throw new IllegalArgumentException(op + ": " + x.cols() + " values per example do not split into " + channels + " channels");
        return x.cols() / channels;
    }

    @Override
    public synchronized void lrn(Tensor x, int channels, int size, float alpha, float beta, float k, Tensor y, Tensor scale) {
        int plane = plane(x, channels, "lrn");
        x.requireSameShape(y, "lrn");
        x.requireSameShape(scale, "lrn");
        kernel.oA = in(x);
        kernel.oC = out(y);
        kernel.oD = out(scale);
        kernel.gC = channels;
        kernel.gH = Math.max(1, plane);
        kernel.gKh = size / 2;
        kernel.gKw = (size - 1) / 2;
        kernel.s0 = (float) ((double) alpha / size);
        kernel.s1 = beta;
        kernel.s2 = k;
        elementwise(NnKernel.LRN, y.size());
    }

    @Override
    public synchronized void lrnBackward(Tensor x, Tensor y, Tensor scale, int channels, int size, float alpha, float beta, Tensor dy, Tensor dx) {
        int plane = plane(x, channels, "lrnBackward");
        x.requireSameShape(dy, "lrnBackward");
        x.requireSameShape(dx, "lrnBackward");
        kernel.oA = in(x);
        kernel.oB = in(y);
        kernel.oC = in(scale);
        kernel.oD = in(dy);
        kernel.oE = out(dx);
        kernel.gC = channels;
        kernel.gH = Math.max(1, plane);
        kernel.gKh = size / 2;
        kernel.gKw = (size - 1) / 2;
        kernel.s1 = beta;
        kernel.s3 = (float) (2.0 * alpha * beta / size);
        elementwise(NnKernel.LRN_BACK, dx.size());
    }

    @Override
    public synchronized void batchNorm2dTrain(Tensor x, int channels, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor mean, Tensor var, Tensor invStd) {
        int plane = plane(x, channels, "batchNorm2dTrain");
        if (x.rows() == 0 || plane == 0) return;
        kernel.oA = in(x);
        kernel.oB = in(gamma);
        kernel.oC = in(beta);
        kernel.oD = out(y);
        kernel.oE = out(xhat);
        kernel.oF = out(mean);
        kernel.oG = out(var);
        kernel.oH = out(invStd);
        kernel.s0 = eps;
        kernel.m = x.rows();
        kernel.gC = channels;
        kernel.gH = plane;
        elementwise(NnKernel.BN2D_TRAIN, channels);
    }

    @Override
    public synchronized void batchNorm2dEval(Tensor x, int channels, Tensor gamma, Tensor beta, Tensor mean, Tensor var, float eps, Tensor y) {
        int plane = plane(x, channels, "batchNorm2dEval");
        if (plane == 0) return;
        kernel.oA = in(x);
        kernel.oB = in(gamma);
        kernel.oC = in(beta);
        kernel.oD = in(mean);
        kernel.oE = in(var);
        kernel.oF = out(y);
        kernel.s0 = eps;
        kernel.gC = channels;
        kernel.gH = plane;
        elementwise(NnKernel.BN2D_EVAL, y.size());
    }

    @Override
    public synchronized void batchNorm2dBackward(Tensor dy, int channels, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        int plane = plane(dy, channels, "batchNorm2dBackward");
        if (dy.rows() == 0 || plane == 0) return;
        kernel.oA = in(dy);
        kernel.oB = in(xhat);
        kernel.oC = in(gamma);
        kernel.oD = in(invStd);
        kernel.oE = out(dx);
        kernel.oF = inOut(dgamma);
        kernel.oG = inOut(dbeta);
        kernel.m = dy.rows();
        kernel.gC = channels;
        kernel.gH = plane;
        elementwise(NnKernel.BN2D_BACK, channels);
    }

    // ---- GELU, layer norm, attention, embeddings ---------------------------------------------------

    @Override
    public synchronized void gelu(Tensor x, Tensor y) {
        x.requireSameShape(y, "gelu");
        kernel.oA = in(x);
        kernel.oC = out(y);
        elementwise(NnKernel.GELU, y.size());
    }

    @Override
    public synchronized void geluBackward(Tensor x, Tensor dy, Tensor dx) {
        x.requireSameShape(dy, "geluBackward");
        x.requireSameShape(dx, "geluBackward");
        kernel.oA = in(x);
        kernel.oB = in(dy);
        kernel.oC = out(dx);
        elementwise(NnKernel.GELU_BACK, dx.size());
    }

    @Override
    public synchronized void layerNorm(Tensor x, Tensor gamma, Tensor beta, float eps, Tensor y, Tensor xhat, Tensor invStd) {
        int rows = x.rows(), cols = x.cols();
        x.requireSameShape(y, "layerNorm");
        x.requireSameShape(xhat, "layerNorm");
        if (gamma.size() != cols || beta.size() != cols || invStd.size() != rows) {
            throw new IllegalArgumentException("layerNorm: gamma and beta need " + cols + " values, invStd " + rows);
        }
        kernel.oA = in(x);
        kernel.oB = in(gamma);
        kernel.oC = in(beta);
        kernel.oD = out(y);
        kernel.oE = out(xhat);
        kernel.oF = out(invStd);
        kernel.k = cols;
        kernel.s0 = eps;
        elementwise(NnKernel.LN, cols == 0 ? 0 : rows);
    }

    @Override
    public synchronized void layerNormBackward(Tensor dy, Tensor xhat, Tensor gamma, Tensor invStd, Tensor dx, Tensor dgamma, Tensor dbeta) {
        int rows = dy.rows(), cols = dy.cols();
        dy.requireSameShape(xhat, "layerNormBackward");
        dy.requireSameShape(dx, "layerNormBackward");
        kernel.oA = in(dy);
        kernel.oB = in(xhat);
        kernel.oC = in(gamma);
        kernel.oD = in(invStd);
        kernel.oE = out(dx);
        kernel.k = cols;
        elementwise(NnKernel.LN_BACK, cols == 0 ? 0 : rows);
        kernel.oF = inOut(dgamma);
        kernel.oG = inOut(dbeta);
        kernel.m = rows;
        kernel.k = cols;
        elementwise(NnKernel.LN_BACK_P, rows == 0 ? 0 : cols);
    }

    /** Checks attention's shapes and sets the geometry; returns the number of query rows (N heads T). */
    private int attentionGeometry(Tensor qkv, int heads, int steps, Tensor keyMask, Tensor drop, Tensor probs, Tensor out, String what) {
        int n = Backend.attentionExamples(qkv, heads, steps, keyMask, drop, probs, out, what), d3 = qkv.cols();
        kernel.m = heads;
        kernel.k = steps;
        kernel.gC = d3 / 3;
        kernel.s0 = (float) (1 / Math.sqrt(d3 / 3 / heads));
        kernel.gS = keyMask == null ? 0 : 1;
        kernel.gP = drop == null ? 0 : 1;
        return n * heads * steps;
    }

    @Override
    public synchronized void attention(Tensor qkv, int heads, int steps, boolean causal, Tensor keyMask, Tensor drop, Tensor probs, Tensor out) {
        int items = attentionGeometry(qkv, heads, steps, keyMask, drop, probs, out, "attention");
        kernel.oA = in(qkv);
        kernel.oB = keyMask == null ? 0 : in(keyMask);
        kernel.oC = drop == null ? 0 : in(drop);
        kernel.oD = out(probs);
        kernel.oE = out(out);
        kernel.kind = causal ? 1 : 0;
        elementwise(NnKernel.ATTN, items);
    }

    @Override
    public synchronized void attentionBackward(Tensor qkv, Tensor probs, Tensor drop, int heads, int steps, Tensor dOut, Tensor dQkv) {
        qkv.requireSameShape(dQkv, "attentionBackward");
        int items = attentionGeometry(qkv, heads, steps, null, drop, probs, dOut, "attentionBackward");
        int dS = scratch(probs.size());
        try {
            kernel.oA = in(qkv);
            kernel.oB = in(dOut);
            kernel.oC = drop == null ? 0 : in(drop);
            kernel.oD = in(probs);
            kernel.oE = out(dQkv);
            kernel.oF = dS;
            elementwise(NnKernel.ATTN_BACK_Q, items);
            elementwise(NnKernel.ATTN_BACK_KV, items);
        } finally {
            memory.release(dS, probs.size());
        }
    }

    /** Ids are checked on the host (they come from the data): whole numbers in [0, vocab). */
    private void checkIds(Tensor ids, int vocab, String what) {
        toHost(ids);
        Backend.checkIds(ids.data(), vocab, what);
    }

    @Override
    public synchronized void embeddingLookup(Tensor ids, Tensor table, Tensor out) {
        int rows = ids.size(), w = table.cols();
        if (out.size() != rows * w) throw new IllegalArgumentException("embeddingLookup: out must be [" + rows + ", " + w + "]");
        checkIds(ids, table.rows(), "embeddingLookup");
        kernel.oA = in(ids);
        kernel.oB = in(table);
        kernel.oC = out(out);
        kernel.k = w;
        elementwise(NnKernel.EMB, out.size());
    }

    @Override
    public synchronized void embeddingBackward(Tensor ids, Tensor dOut, Tensor dTable) {
        int rows = ids.size(), w = dTable.cols();
        if (dOut.size() != rows * w) throw new IllegalArgumentException("embeddingBackward: dOut must be [" + rows + ", " + w + "]");
        checkIds(ids, dTable.rows(), "embeddingBackward");
        kernel.oA = in(ids);
        kernel.oB = in(dOut);
        kernel.oC = inOut(dTable);
        kernel.m = rows;
        kernel.k = w;
        elementwise(NnKernel.EMB_BACK, rows == 0 ? 0 : w);
    }
}
