package dev.jgym.nn.optim;

import dev.jgym.nn.Tensor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What an optimizer carries from one step to the next (its step count and its per-parameter
 * state: momentum, squared averages, Adam's moments), as plain arrays for checkpoints.
 *
 * <p>The optimizers do not expose their state yet (their update code is being moved behind the
 * backend by the OpenCL issue), so this reads the fields every optimizer declares for it: the
 * step counter of {@link Optimizer} and, in the concrete class, each field that holds one entry
 * per parameter ({@code float[][]} host arrays or {@code Tensor[]}), in the order of their names. When
 * the optimizers get a state API, this class becomes a thin call to it; its array layout stays.
 *
 * @param steps the optimizer's step count (Adam's bias correction depends on it)
 * @param tables per state field, per parameter: the values, or null where not created yet
 */
public record OptimizerState(long steps, float[][][] tables) {

    /** A deep copy of the optimizer's state. */
    public static OptimizerState of(Optimizer optimizer) {
        try {
            List<float[][]> tables = new ArrayList<>();
            for (Field f : stateFields(optimizer)) {
                Object value = f.get(optimizer);
                if (value instanceof float[][] arrays) {
                    float[][] copy = new float[arrays.length][];
                    for (int i = 0; i < arrays.length; i++) copy[i] = arrays[i] == null ? null : arrays[i].clone();
                    tables.add(copy);
                } else if (value instanceof Tensor[] tensors) {
                    float[][] copy = new float[tensors.length][];
                    for (int i = 0; i < tensors.length; i++) copy[i] = tensors[i] == null ? null : tensors[i].data().clone();
                    tables.add(copy);
                }
            }
            return new OptimizerState(stepsField().getLong(optimizer), tables.toArray(new float[0][][]));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the state of " + optimizer.getClass().getSimpleName(), e);
        }
    }

    /**
     * Puts this state into {@code optimizer} (of the same kind, over parameters of the same
     * shapes); throws IllegalArgumentException when it does not fit.
     */
    public void restoreInto(Optimizer optimizer) {
        try {
            List<Field> fields = stateFields(optimizer);
            if (fields.size() != tables.length) {
                throw new IllegalArgumentException(optimizer.getClass().getSimpleName() + " keeps " + fields.size() + " state tables, the saved state has " + tables.length);
            }
            for (int t = 0; t < tables.length; t++) {
                Object value = fields.get(t).get(optimizer);
                float[][] saved = tables[t];
                int n = value instanceof float[][] a ? a.length : ((Tensor[]) value).length;
                if (saved.length != n) throw new IllegalArgumentException("state for " + saved.length + " parameters, the optimizer has " + n);
                for (int i = 0; i < n; i++) {
                    int size = optimizer.params.get(i).value().size();
                    if (saved[i] != null && saved[i].length != size) {
                        throw new IllegalArgumentException("state of parameter " + i + " has " + saved[i].length + " values, expected " + size);
                    }
                    if (value instanceof float[][] a) {
                        a[i] = saved[i] == null ? null : saved[i].clone();
                    } else {
                        Tensor[] ts = (Tensor[]) value;
                        ts[i] = saved[i] == null ? null : Tensor.of(saved[i].clone(), optimizer.params.get(i).value().shape());
                    }
                }
            }
            stepsField().setLong(optimizer, steps);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore the state of " + optimizer.getClass().getSimpleName(), e);
        }
    }

    private static List<Field> stateFields(Optimizer optimizer) {
        List<Field> out = new ArrayList<>();
        for (Field f : optimizer.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) continue;
            if (f.getType() == float[][].class || f.getType() == Tensor[].class) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparing(Field::getName)); // a fixed order, whatever the JVM lists
        return out;
    }

    private static Field stepsField() {
        try {
            Field f = Optimizer.class.getDeclaredField("steps");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Optimizer has no step counter field", e);
        }
    }
}
