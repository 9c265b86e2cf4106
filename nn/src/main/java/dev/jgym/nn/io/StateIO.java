package dev.jgym.nn.io;

import dev.jgym.nn.Param;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.OptimizerState;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The binary forms a learner's checkpoint is made of: parameters, an optimizer's state, arrays of
 * longs and floats. Big-endian, through {@link DataOutputStream}; a read that does not fit the
 * network throws {@link IllegalArgumentException}.
 */
public final class StateIO {
    private StateIO() {}

    public static void writeOptimizer(DataOutputStream out, Optimizer optimizer) throws IOException {
        OptimizerState os = OptimizerState.of(optimizer);
        out.writeLong(os.steps());
        out.writeInt(os.tables().length);
        for (float[][] table : os.tables()) {
            out.writeInt(table.length);
            for (float[] a : table) writeFloats(out, a);
        }
    }

    public static void readOptimizer(DataInputStream in, Optimizer optimizer) throws IOException {
        long steps = in.readLong();
        float[][][] tables = new float[in.readInt()][][];
        for (int t = 0; t < tables.length; t++) {
            tables[t] = new float[in.readInt()][];
            for (int i = 0; i < tables[t].length; i++) tables[t][i] = readFloats(in);
        }
        new OptimizerState(steps, tables).restoreInto(optimizer);
    }

    public static void writeLongs(DataOutputStream out, long[] v) throws IOException {
        out.writeInt(v.length);
        for (long x : v) out.writeLong(x);
    }

    public static long[] readLongs(DataInputStream in) throws IOException {
        long[] v = new long[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readLong();
        return v;
    }

    public static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) for (float x : v) out.writeFloat(x);
    }

    public static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = in.readFloat();
        return v;
    }

    public static void writeParams(DataOutputStream out, List<Param> params) throws IOException {
        out.writeInt(params.size());
        for (Param p : params) writeFloats(out, p.value().data());
    }

    public static void readParams(DataInputStream in, List<Param> params) throws IOException {
        int n = in.readInt();
        if (n != params.size()) throw new IllegalArgumentException(n + " parameter tensors, the network has " + params.size());
        for (Param p : params) {
            float[] v = readFloats(in);
            if (v == null || v.length != p.value().size()) throw new IllegalArgumentException("a parameter tensor of the wrong size");
            System.arraycopy(v, 0, p.value().data(), 0, v.length);
        }
    }
}
