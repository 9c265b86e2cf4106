package dev.jgym.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {

    private static Param param(float... values) {
        return Param.trainable("w", Tensor.of(values.clone(), values.length));
    }

    private static void step(Optimizer o, Param p, int t) {
        for (int i = 0; i < p.value().size(); i++) p.grad().data()[i] = (float) Math.sin(t + i) * (i + 1);
        o.step();
        o.zeroGrad();
    }

    @Test
    @DisplayName("Saved state restored into a fresh optimizer continues bit for bit (Adam, RMSProp, momentum SGD)")
    void roundTrip() {
        List<Function<List<Param>, Optimizer>> makers = List.of(
                ps -> new Adam(ps, 0.01), ps -> new RmsProp(ps, 0.01), ps -> new Sgd(ps, 0.01, 0.9, true, 0));
        for (Function<List<Param>, Optimizer> make : makers) {
            Param a = param(1f, -2f, 3f);
            Optimizer oa = make.apply(List.of(a));
            for (int t = 0; t < 3; t++) step(oa, a, t);
            OptimizerState saved = OptimizerState.of(oa);
            assertEquals(3, saved.steps());
            Param b = param(a.value().data());
            Optimizer ob = make.apply(List.of(b));
            saved.restoreInto(ob);
            for (int t = 3; t < 6; t++) {
                step(oa, a, t);
                step(ob, b, t);
            }
            assertTrue(a.value().bitEquals(b.value()), oa.getClass().getSimpleName());
            assertEquals(oa.steps(), ob.steps());
        }
    }

    @Test
    @DisplayName("A state of another size is refused")
    void wrongShape() {
        Param a = param(1f, 2f);
        Adam oa = new Adam(List.of(a), 0.1);
        step(oa, a, 0);
        OptimizerState s = OptimizerState.of(oa);
        Param b = param(1f, 2f, 3f);
        assertThrows(IllegalArgumentException.class, () -> s.restoreInto(new Adam(List.of(b), 0.1)));
    }
}
