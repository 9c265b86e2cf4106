package dev.jgym.nn;

import java.util.Arrays;

/**
 * A float32 array with a shape, row-major: element {@code (i, j)} of a {@code [rows, cols]}
 * tensor is {@code data[i * cols + j]}. The data array is the tensor (no strides, no offsets),
 * so hot loops work on {@link #data()} directly; {@link #reshape} shares it.
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        long size = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size + " values, data has " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        long size = 1;
        for (int d : shape) size *= d;
        if (size > Integer.MAX_VALUE) throw new IllegalArgumentException("too large: " + Arrays.toString(shape));
        return new Tensor(new float[(int) size], shape);
    }

    /** Wraps {@code data} (not copied). */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(data, shape);
    }

    /** A row vector's worth of values as a {@code [n]} tensor (copied). */
    public static Tensor vector(float... values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** Rows of equal length as a {@code [rows, cols]} tensor (copied). */
    public static Tensor matrix(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] d = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) throw new IllegalArgumentException("ragged rows: row " + i + " has " + rows[i].length + ", expected " + cols);
            System.arraycopy(rows[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols});
    }

    public float[] data() {
        return data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** The first dimension (the batch), 1 for a scalar. */
    public int rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Everything after the first dimension, flattened: {@code size() / rows()}. */
    public int cols() {
        int r = rows();
        return r == 0 ? 0 : data.length / r;
    }

    public float get(int i) {
        return data[i];
    }

    public float get(int row, int col) {
        return data[row * cols() + col];
    }

    public void set(int row, int col, float value) {
        data[row * cols() + col] = value;
    }

    /** The same data under another shape of the same size. */
    public Tensor reshape(int... newShape) {
        return new Tensor(data, newShape);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape);
    }

    public void fill(float value) {
        Arrays.fill(data, value);
    }

    public void copyFrom(Tensor other) {
        requireSameShape(other, "copyFrom");
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** Throws when shapes differ; {@code what} names the operation for the message. */
    public void requireSameShape(Tensor other, String what) {
        if (!sameShape(other)) {
            throw new IllegalArgumentException(what + ": shapes differ, " + Arrays.toString(shape) + " vs " + Arrays.toString(other.shape));
        }
    }

    /** Bitwise equality of shape and data (NaNs with equal bits are equal). */
    public boolean bitEquals(Tensor other) {
        if (!sameShape(other)) return false;
        for (int i = 0; i < data.length; i++) {
            if (Float.floatToRawIntBits(data[i]) != Float.floatToRawIntBits(other.data[i])) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        int show = Math.min(8, data.length);
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append('[');
        for (int i = 0; i < show; i++) sb.append(i > 0 ? ", " : "").append(data[i]);
        return sb.append(data.length > show ? ", ...]" : "]").toString();
    }
}
