package dev.jgym.nn.layers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.core.rng.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent layer over a sequence of {@code steps} vectors of {@code inputSize} values, laid out
 * as one row per example: {@code x[n, t * inputSize + f]} (MNIST's 28 rows of 28 pixels are such a
 * row sequence). Three cells, with PyTorch's parameters {@code weight_ih [G H, F]},
 * {@code weight_hh [G H, H]}, {@code bias_ih}, {@code bias_hh [G H]}:
 * <ul>
 *   <li>{@code rnn} (Elman 1990): {@code h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)}, G = 1;
 *   <li>{@code lstm} (Hochreiter and Schmidhuber 1997; Gers et al. 2000's forget gate): gates i, f,
 *       g, o from the same sum, {@code c_t = f c_{t-1} + i g}, {@code h_t = o tanh(c_t)}, G = 4;
 *   <li>{@code gru} (Cho et al. 2014): reset r and update z gates,
 *       {@code n = tanh(W_in x + b_in + r (W_hn h + b_hn))}, {@code h_t = (1 - z) n + z h_{t-1}}, G = 3.
 * </ul>
 * Output: the last hidden state {@code [N, H]}, or every step's {@code [N, T * H]} with
 * {@code return_sequences}. Weights start uniform in +-1/sqrt(H) (PyTorch's default), whatever
 * initialiser the config names for dense layers; the LSTM's forget-gate bias {@code bias_ih}
 * starts 1 higher (Jozefowicz et al. 2015), so the cell remembers until it learns to forget.
 *
 * <p>Backpropagation through time: backward walks the steps in reverse, carrying dL/dh (and
 * dL/dc). With {@code bptt = k > 0} it is truncated: the gradient does not cross from step t to
 * step t - 1 when t is a multiple of k (the state still does), so each gradient path spans at most
 * k steps. Masks ({@link #setMask}, {@code [N, T]}, 0 = padding): at a masked step an example keeps
 * its previous state (h and c), so sequences of different lengths batch together and the final
 * state is the one after each sequence's last real step. Stateful mode carries the final state
 * into the next forward call of the same batch size (as an agent's memory across calls; the
 * gradient stops at the call boundary); {@link #resetState} forgets it.
 */
public final class Recurrent implements Layer, Shaped {
    /** The cell, with its number of gate blocks. */
    public enum Cell {
        RNN("rnn", 1), LSTM("lstm", 4), GRU("gru", 3);

        private final String id;
        private final int gates;

        Cell(String id, int gates) {
            this.id = id;
            this.gates = gates;
        }

        public String id() {
            return id;
        }

        public static Cell byId(String id) {
            for (Cell c : values()) if (c.id.equals(id)) return c;
            return null;
        }
    }

    private final Backend backend;
    private final Cell cell;
    private final int inputSize, hidden, steps, bptt;
    private final boolean returnSequences, stateful;
    private final Param wih, whh, bih, bhh;
    private Tensor mask, stateH, stateC, x;

    /** What one step keeps for backward. */
    private record StepCache(Tensor hPrev, Tensor cPrev, Tensor act, Tensor c, Tensor h, Tensor gh, Tensor maskT) {}

    private final List<StepCache> cache = new ArrayList<>();

    public Recurrent(Backend backend, Cell cell, int inputSize, int hidden, int steps, boolean returnSequences, boolean stateful, int bptt, Rng rng) {
        this(backend, cell, inputSize, hidden, steps, returnSequences, stateful, bptt, (Recurrent) null);
        double a = 1 / Math.sqrt(hidden);
        for (Param p : List.of(wih, whh, bih, bhh)) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) d[i] = (float) rng.uniform(-a, a);
        }
        if (cell == Cell.LSTM) {
            // forget-gate bias 1 (Gers et al. 2000; Jozefowicz et al. 2015): remember by default
            float[] b = bih.value().data();
            for (int j = hidden; j < 2 * hidden; j++) b[j] += 1f;
        }
    }

    /** A layer with {@code shared}'s parameters (their values and gradients), or new zero ones when it is null. */
    private Recurrent(Backend backend, Cell cell, int inputSize, int hidden, int steps, boolean returnSequences, boolean stateful, int bptt, Recurrent shared) {
        if (inputSize < 1 || hidden < 1 || steps < 1) {
            throw new IllegalArgumentException(cell.id + ": input_size, hidden and steps must be positive, were " + inputSize + ", " + hidden + ", " + steps);
        }
        if (bptt < 0) throw new IllegalArgumentException(cell.id + ": bptt must be >= 0, was " + bptt);
        this.backend = backend;
        this.cell = cell;
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.steps = steps;
        this.returnSequences = returnSequences;
        this.stateful = stateful;
        this.bptt = bptt;
        int gh = cell.gates * hidden;
        wih = shared != null ? shared.wih : Param.trainable("weight_ih", Tensor.zeros(gh, inputSize));
        whh = shared != null ? shared.whh : Param.trainable("weight_hh", Tensor.zeros(gh, hidden));
        bih = shared != null ? shared.bih : Param.trainable("bias_ih", Tensor.zeros(gh));
        bhh = shared != null ? shared.bhh : Param.trainable("bias_hh", Tensor.zeros(gh));
    }

    /**
     * The same cell over {@code steps} steps, sharing this layer's parameters (values and
     * gradients): one recurrent core unrolled for different lengths, such as an agent's one-step
     * acting, a burn-in that only warms the state, and a training unroll.
     */
    public Recurrent sharing(int steps, boolean returnSequences, boolean stateful) {
        return new Recurrent(backend, cell, inputSize, hidden, steps, returnSequences, stateful, bptt, this);
    }

    public Cell cell() {
        return cell;
    }

    public int hidden() {
        return hidden;
    }

    public int steps() {
        return steps;
    }

    public int inputSize() {
        return inputSize;
    }

    /** Padding mask {@code [N, T]} for the next forward calls (null: every step is real). */
    public void setMask(Tensor mask) {
        if (mask != null && mask.cols() != steps) throw new IllegalArgumentException(cell.id + ": mask must have " + steps + " columns, found " + mask.cols());
        this.mask = mask;
    }

    /** Stateful mode: forget the carried state (the next call starts from zeros). */
    public void resetState() {
        stateH = null;
        stateC = null;
    }

    /** The carried hidden state {@code [N, H]} (stateful mode), or null. */
    public Tensor state() {
        return stateH;
    }

    /** The carried LSTM cell state {@code [N, H]} (stateful mode), or null. */
    public Tensor cellState() {
        return stateC;
    }

    /**
     * Stateful mode: the next call of batch size {@code h.rows()} starts from this state (copied;
     * {@code c} is the LSTM's cell state, ignored by the other cells and may then be null).
     */
    public void setState(Tensor h, Tensor c) {
        if (!stateful) throw new IllegalStateException(cell.id + ": setState needs a stateful layer");
        if (h.cols() != hidden || (cell == Cell.LSTM && (c == null || c.cols() != hidden || c.rows() != h.rows()))) {
            throw new IllegalArgumentException(cell.id + ": a state must be [N, " + hidden + "]");
        }
        stateH = h.copy();
        stateC = cell == Cell.LSTM ? c.copy() : Tensor.zeros(h.rows(), hidden);
    }

    @Override
    public int[] outputShape() {
        return returnSequences ? new int[] {steps, hidden} : new int[] {hidden};
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != steps * inputSize) {
            throw new IllegalArgumentException(cell.id + ": expected " + steps + " steps of " + inputSize + " = " + steps * inputSize + " values per example, found " + x.cols());
        }
        int n = x.rows(), gsize = cell.gates * hidden;
        if (mask != null && mask.rows() != n) throw new IllegalArgumentException(cell.id + ": the mask has " + mask.rows() + " rows, the batch " + n);
        cache.clear();
        Tensor h = stateful && stateH != null && stateH.rows() == n ? stateH.copy() : Tensor.zeros(n, hidden);
        Tensor c = stateful && stateC != null && stateC.rows() == n ? stateC.copy() : Tensor.zeros(n, hidden);
        Tensor y = Tensor.zeros(n, returnSequences ? steps * hidden : hidden);
        // the input part of every step at once: x as [N T, F] (row n T + t is step t of example n)
        this.x = x;
        Tensor gxAll = Tensor.zeros(n * steps, gsize);
        backend.gemm(false, true, 1f, x.reshape(n * steps, inputSize), wih.value(), 0f, gxAll);
        backend.addRowVector(gxAll, bih.value(), gxAll);
        Tensor gxSteps = gxAll.reshape(n, steps * gsize);
        for (int t = 0; t < steps; t++) {
            Tensor g = Tensor.zeros(n, gsize);
            backend.sliceColumns(gxSteps, t * gsize, g);
            Tensor gh = null, act, hNew = Tensor.zeros(n, hidden), cNew = c;
            switch (cell) {
                case RNN:
                    backend.gemm(false, true, 1f, h, whh.value(), 1f, g);
                    backend.addRowVector(g, bhh.value(), g);
                    act = g;
                    backend.activation(ActivationKind.TANH, 0f, g, hNew);
                    break;
                case LSTM:
                    backend.gemm(false, true, 1f, h, whh.value(), 1f, g);
                    backend.addRowVector(g, bhh.value(), g);
                    act = Tensor.zeros(n, gsize);
                    cNew = Tensor.zeros(n, hidden);
                    backend.lstmCell(g, c, act, cNew, hNew);
                    break;
                default:
                    gh = Tensor.zeros(n, gsize);
                    backend.gemm(false, true, 1f, h, whh.value(), 0f, gh);
                    backend.addRowVector(gh, bhh.value(), gh);
                    act = Tensor.zeros(n, gsize);
                    backend.gruCell(g, gh, h, act, hNew);
                    break;
            }
            Tensor mt = null;
            if (mask != null) {
                mt = Tensor.zeros(n, 1);
                backend.sliceColumns(mask, t, mt);
                backend.selectRows(mt, hNew, h, hNew);
                if (cell == Cell.LSTM) backend.selectRows(mt, cNew, c, cNew);
            }
            cache.add(new StepCache(h, c, act, cNew, hNew, gh, mt));
            if (returnSequences) backend.addColumns(hNew, y, t * hidden);
            h = hNew;
            c = cNew;
        }
        if (!returnSequences) backend.addColumns(h, y, 0);
        if (stateful) {
            stateH = h.copy();
            stateC = c.copy();
        }
        return y;
    }

    @Override
    public Tensor backward(Tensor dy) {
        return backward(dy, true);
    }

    @Override
    public Tensor backward(Tensor dy, boolean needInputGradient) {
        if (cache.size() != steps) throw new IllegalStateException(cell.id + ": backward without forward");
        int n = dy.rows(), gsize = cell.gates * hidden;
        Tensor dgAll = Tensor.zeros(n, steps * gsize), dghAll = cell == Cell.GRU ? Tensor.zeros(n, steps * gsize) : dgAll;
        Tensor hPrevAll = Tensor.zeros(n, steps * hidden);
        Tensor dh = Tensor.zeros(n, hidden), dc = Tensor.zeros(n, hidden);
        Tensor zeros = Tensor.zeros(n, hidden);
        if (!returnSequences) backend.sliceColumns(dy, 0, dh);
        for (int t = steps - 1; t >= 0; t--) {
            StepCache s = cache.get(t);
            if (returnSequences) {
                Tensor part = Tensor.zeros(n, hidden);
                backend.sliceColumns(dy, t * hidden, part);
                backend.add(dh, part, dh);
            }
            Tensor dhCarry = null, dcCarry = null;
            Tensor dhCell = dh;
            if (s.maskT() != null) {
                dhCarry = Tensor.zeros(n, hidden);
                backend.selectRows(s.maskT(), zeros, dh, dhCarry);
                dhCell = Tensor.zeros(n, hidden);
                backend.selectRows(s.maskT(), dh, zeros, dhCell);
                if (cell == Cell.LSTM) {
                    dcCarry = Tensor.zeros(n, hidden);
                    backend.selectRows(s.maskT(), zeros, dc, dcCarry);
                    backend.selectRows(s.maskT(), dc, zeros, dc);
                }
            }
            Tensor dg = Tensor.zeros(n, gsize), dgh = null;
            Tensor dhPrev = Tensor.zeros(n, hidden);
            switch (cell) {
                case RNN:
                    backend.activationBackward(ActivationKind.TANH, 0f, s.act(), s.h(), dhCell, dg);
                    break;
                case LSTM:
                    backend.lstmCellBackward(s.act(), s.cPrev(), s.c(), dhCell, dc, dg);
                    break;
                default:
                    dgh = Tensor.zeros(n, gsize);
                    backend.gruCellBackward(s.act(), s.gh(), s.hPrev(), dhCell, dg, dgh, dhPrev);
                    break;
            }
            if (dgh == null) dgh = dg;
            backend.addColumns(dg, dgAll, t * gsize);
            if (dghAll != dgAll) backend.addColumns(dgh, dghAll, t * gsize);
            backend.addColumns(s.hPrev(), hPrevAll, t * hidden);
            backend.gemm(false, false, 1f, dgh, whh.value(), 1f, dhPrev);
            if (dhCarry != null) backend.add(dhPrev, dhCarry, dhPrev);
            if (dcCarry != null) backend.add(dc, dcCarry, dc);
            if (bptt > 0 && t % bptt == 0) {
                dhPrev.fill(0f);
                dc.fill(0f);
            }
            dh = dhPrev;
        }
        // the parameter gradients and dx of all steps at once (rows n T + t, as in forward)
        Tensor dgRows = dgAll.reshape(n * steps, gsize), dghRows = dghAll.reshape(n * steps, gsize);
        backend.gemm(true, false, 1f, dgRows, x.reshape(n * steps, inputSize), 1f, wih.grad());
        backend.sumRows(dgRows, 1f, bih.grad());
        backend.gemm(true, false, 1f, dghRows, hPrevAll.reshape(n * steps, hidden), 1f, whh.grad());
        backend.sumRows(dghRows, 1f, bhh.grad());
        if (!needInputGradient) return null;
        Tensor dx = Tensor.zeros(n * steps, inputSize);
        backend.gemm(false, false, 1f, dgRows, wih.value(), 0f, dx);
        return dx.reshape(n, steps * inputSize);
    }

    @Override
    public List<Param> params() {
        return List.of(wih, whh, bih, bhh);
    }

    @Override
    public ObjectNode spec() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("type", cell.id).put("input_size", inputSize).put("hidden", hidden).put("steps", steps);
        n.put("return_sequences", returnSequences);
        if (stateful) n.put("stateful", true);
        if (bptt > 0) n.put("bptt", bptt);
        return n;
    }
}
