package dev.jgym.core.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ParallelRangeTest {

    @Test
    @DisplayName("every index of [0, n) runs exactly once per call, for 1 to 3 threads and n from 0 to 1000, over 2000 calls")
    void coversEveryIndexOnce() {
        for (int threads = 1; threads <= 3; threads++) {
            try (ParallelRange range = new ParallelRange(threads)) {
                for (int call = 0; call < 2000; call++) {
                    int n = (call * 37) % 1001;
                    int[] hits = new int[n];
                    range.run(n, (from, to) -> {
                        for (int i = from; i < to; i++) hits[i]++;
                    });
                    for (int i = 0; i < n; i++) assertEquals(1, hits[i], "threads " + threads + ", n " + n + ", index " + i);
                }
            }
        }
    }

    @Test
    @DisplayName("a failure in any chunk reaches the caller, and the range stays usable")
    void failuresReachTheCaller() {
        try (ParallelRange range = new ParallelRange(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> range.run(100, (from, to) -> {
                if (from <= 77 && 77 < to) throw new IllegalStateException("index 77");
            }));
            assertEquals("index 77", e.getMessage());
            int[] sum = new int[1];
            range.run(10, (from, to) -> {
                synchronized (sum) {
                    sum[0] += to - from;
                }
            });
            assertEquals(10, sum[0]);
        }
    }
}
