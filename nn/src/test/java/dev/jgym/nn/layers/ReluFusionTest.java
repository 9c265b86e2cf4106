package dev.jgym.nn.layers;

import static dev.jgym.nn.layers.GradientCheckTest.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ReluFusion}: a Sequential whose ReLUs are folded into the convolutions and max pools gives
 * bit for bit what the same layers give run one by one outside a Sequential (unfused), forward,
 * dL/dx and every parameter gradient, on 1 and 2 threads; and the OpenCL-style defaults of
 * {@link Backend} (two calls) agree with the CPU's one-pass versions. The spec is LeNet's, plus a
 * padded odd-sized 3x3/stride-2 max pool and a 2x2 pool over an odd map, so every pooling path runs.
 */
class ReluFusionTest {
    static final String SPEC = """
            [{"type": "conv2d", "out_channels": 4, "kernel": 5, "padding": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "conv2d", "out_channels": 6, "kernel": 2}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 2},
             {"type": "conv2d", "out_channels": 5, "kernel": 3, "padding": 1}, {"type": "relu"}, {"type": "maxpool2d", "kernel": 3, "stride": 2, "padding": 1},
             {"type": "flatten"}, {"type": "dense", "out": 7}, {"type": "relu"}, {"type": "dense", "out": 3}]""";

    private static Sequential build(Backend backend) throws Exception {
        return Layers.sequential(Json.MAPPER.readTree(SPEC), new int[] {2, 16, 16}, backend, new Layers.Inits(Init.heNormal(), Init.gaussian(0, 0.1), new Rng(5)), "test", "$");
    }

    /** Backend that only has the two-call defaults for the fused operations (what OpenCL runs). */
    private static Backend defaultsOnly(CpuBackend cpu) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (proxy, m, args) ->
                m.getName().equals("conv2dRelu") || m.getName().equals("maxPool2dReluBackward") ? InvocationHandler.invokeDefault(proxy, m, args) : m.invoke(cpu, args));
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("ReLU folded into conv and max pool: forward, dL/dx and every gradient bit-identical to the layers run one by one")
    void fusedEqualsLayerByLayer(int threads) throws Exception {
        try (CpuBackend be = new CpuBackend(threads)) {
            Sequential fused = build(be);
            List<Layer> plain = build(be).layers(); // the same weights, driven layer by layer below without fusion
            Tensor x = random(new Rng(9), 1, 5, 2 * 16 * 16);
            Tensor y = fused.forward(x);
            Tensor h = x;
            for (Layer l : plain) h = unfusedForward(l, h, be);
            assertTrue(y.bitEquals(h), "forward");
            Tensor r = random(new Rng(10), 1, y.shape());
            Tensor dxFused = fused.backward(r);
            Tensor d = r;
            for (int i = plain.size() - 1; i >= 0; i--) d = unfusedBackward(plain.get(i), d, be);
            assertTrue(dxFused.bitEquals(d), "dL/dx");
            List<Param> a = fused.params(), b = new ArrayList<>();
            for (Layer l : plain) b.addAll(l.params());
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) assertTrue(a.get(i).grad().bitEquals(b.get(i).grad()), "gradient of parameter " + i);
        }
    }

    /** Each layer's input, for the hand-driven backward (the second model's layers are linked too: these helpers bypass them). */
    private final Map<Layer, Tensor> saved = new IdentityHashMap<>();

    private Tensor unfusedForward(Layer l, Tensor x, Backend be) {
        saved.put(l, x);
        if (l instanceof Activation a) {
            Tensor y = Tensor.zeros(x.shape());
            be.activation(a.kind(), 0f, x, y);
            return y;
        }
        if (l instanceof Conv2d c) {
            Tensor y = Tensor.zeros(x.rows(), c.outChannels() * c.window().outPlane());
            be.conv2d(x, c.window(), c.weight().value(), c.bias().value(), y);
            return y;
        }
        if (l instanceof Pool2d p) {
            Tensor y = Tensor.zeros(x.rows(), p.window().channels() * p.window().outPlane());
            be.maxPool2d(x, p.window(), y);
            return y;
        }
        return l.forward(x);
    }

    private Tensor unfusedBackward(Layer l, Tensor dy, Backend be) {
        Tensor x = saved.get(l);
        if (l instanceof Activation a) {
            Tensor y = Tensor.zeros(x.shape()), dx = Tensor.zeros(x.shape());
            be.activation(a.kind(), 0f, x, y);
            be.activationBackward(a.kind(), 0f, x, y, dy, dx);
            return dx;
        }
        if (l instanceof Conv2d c) {
            Tensor dx = Tensor.zeros(x.shape());
            be.conv2dBackward(x, c.window(), c.weight().value(), dy, dx, c.weight().grad(), c.bias().grad());
            return dx;
        }
        if (l instanceof Pool2d p) {
            Tensor dx = Tensor.zeros(x.shape());
            be.maxPool2dBackward(x, p.window(), dy, dx);
            return dx;
        }
        return l.backward(dy); // dense, flatten: untouched by the fusion

    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    @DisplayName("Backend's two-call defaults of conv2dRelu and maxPool2dReluBackward (what OpenCL runs) equal the CPU's one-pass versions bit for bit")
    void backendDefaultsEqualTheOnePassVersions(int threads) throws Exception {
        try (CpuBackend be = new CpuBackend(threads)) {
            Sequential onePass = build(be), twoCalls = build(defaultsOnly(be));
            Tensor x = random(new Rng(11), 1, 4, 2 * 16 * 16);
            Tensor ya = onePass.forward(x), yb = twoCalls.forward(x);
            assertTrue(ya.bitEquals(yb), "forward");
            Tensor r = random(new Rng(12), 1, ya.shape());
            assertTrue(onePass.backward(r).bitEquals(twoCalls.backward(r)), "dL/dx");
            for (int i = 0; i < onePass.params().size(); i++) {
                assertTrue(onePass.params().get(i).grad().bitEquals(twoCalls.params().get(i).grad()), "gradient of parameter " + i);
            }
        }
    }
}
