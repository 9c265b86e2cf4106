package dev.jgym.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.opencl.OpenClDevices;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The backend spec: what each form builds and the one-line error for a bad one (no OpenCL kernel is compiled here). */
class BackendsTest {

    @Test
    @DisplayName("cpu and cpu:3 build the CPU backend; auto builds the CPU backend when OpenCL offers no GPU")
    void cpuAndAuto() {
        try (Backend b = Backends.create("cpu")) {
            assertTrue(b instanceof CpuBackend);
        }
        try (Backend b = Backends.create("cpu:3")) {
            assertEquals(3, ((CpuBackend) b).threads());
        }
        boolean gpu = OpenClDevices.list().stream().anyMatch(OpenClDevices.Info::isGpu);
        if (!gpu) {
            try (Backend b = Backends.create("auto")) {
                assertTrue(b instanceof CpuBackend, "no GPU here, auto must not take PoCL's CPU device: " + b.name());
            }
        }
    }

    @Test
    @DisplayName("unknown specs, bad numbers and missing devices are UserErrors that say what was expected and what was found")
    void badSpecs() {
        UserError e = assertThrows(UserError.class, () -> Backends.create("gpu"));
        assertEquals("backend: expected auto, cpu, cpu:T, opencl or opencl:N, found \"gpu\"", e.getMessage());
        e = assertThrows(UserError.class, () -> Backends.create("cpu:0"));
        assertTrue(e.getMessage().contains("expected a thread count >= 1 after the colon, found \"0\""), e.getMessage());
        e = assertThrows(UserError.class, () -> Backends.create("opencl:x"));
        assertTrue(e.getMessage().contains("expected a device number >= 0"), e.getMessage());
        e = assertThrows(UserError.class, () -> Backends.create("opencl:99"));
        assertTrue(e.getMessage().contains("opencl:99") && (e.getMessage().contains("found 99") || e.getMessage().contains("no OpenCL device")),
                e.getMessage());
    }
}
