package dev.jgym.nn.opencl;

import com.aparapi.device.OpenCLDevice;
import com.aparapi.internal.opencl.OpenCLLoader;
import com.aparapi.internal.opencl.OpenCLPlatform;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCL devices this machine offers, numbered as {@code opencl:N} selects them: platforms in
 * the order the ICD loader lists them, devices in each platform's order (what {@code jgym devices}
 * prints).
 */
public final class OpenClDevices {
    private OpenClDevices() {}

    /** One device: its number in {@code opencl:N}, platform, name, kind (GPU, CPU, ACC) and size. */
    public record Info(int index, String platform, String platformVersion, String name, String type,
                       int computeUnits, long globalMemoryBytes, OpenCLDevice device) {
        public boolean isGpu() {
            return "GPU".equals(type);
        }

        /** {@code "0: Portable Computing Language / pthread-skylake (CPU, 2 compute units, 8.3 GiB)"}. */
        public String describe() {
            return String.format("%d: %s / %s (%s, %d compute units, %.1f GiB)", index, platform.trim(), name.trim(), type,
                    computeUnits, globalMemoryBytes / (double) (1L << 30));
        }
    }

    /** True when Aparapi's native library and an OpenCL loader (libOpenCL) are present. */
    public static boolean loaderAvailable() {
        try {
            return OpenCLLoader.isOpenCLAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    /** Every device of every platform; empty when there is no OpenCL (no loader or no platform). */
    public static List<Info> list() {
        List<Info> out = new ArrayList<>();
        if (!loaderAvailable()) return out;
        List<OpenCLPlatform> platforms;
        try {
            platforms = OpenCLPlatform.getUncachedOpenCLPlatforms();
        } catch (Throwable t) {
            return out;
        }
        for (OpenCLPlatform p : platforms) {
            for (OpenCLDevice d : p.getOpenCLDevices()) {
                out.add(new Info(out.size(), p.getName(), p.getVersion(), d.getName(), String.valueOf(d.getType()),
                        d.getMaxComputeUnits(), d.getGlobalMemSize(), d));
            }
        }
        return out;
    }

    /** Why there is no device, in one line, for messages and skipped tests. */
    public static String whyNone() {
        if (!loaderAvailable()) {
            return "no OpenCL loader (libOpenCL) or Aparapi native library; on Debian: apt-get install ocl-icd-libopencl1 pocl-opencl-icd";
        }
        return "the OpenCL loader lists no platform (no ICD installed); on Debian: apt-get install pocl-opencl-icd, or a GPU driver's OpenCL ICD";
    }
}
