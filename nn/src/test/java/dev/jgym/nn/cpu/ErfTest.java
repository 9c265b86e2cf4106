package dev.jgym.nn.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The complementary error function behind the exact GELU, against CPython's math.erfc (the C library's, correctly rounded to ~1 ulp). */
class ErfTest {
    @ParameterizedTest(name = "erfc({0}) = {1}")
    @CsvSource({
        "0.5, 0.4795001221869535", "1, 0.15729920705028513", "1.99, 0.004888586800383003", "2, 0.004677734981047265", "2.9, 4.109787809945886e-05", "3.0, 2.2090496998585438e-05",
        "3.5, 7.430983723414128e-07", "5, 1.5374597944280351e-12", "8, 1.1224297172982928e-29",
        "-1, 1.842700792949715", "-3.5, 1.9999992569016276", "0, 1"})
    @DisplayName("erfc matches math.erfc (Python 3) within 1e-13 relative, on both sides of the series / continued-fraction switch at 2")
    void erfcMatchesLibm(double z, double expected) {
        assertEquals(expected, CpuTransformer.erfc(z), 1e-13 * Math.abs(expected));
    }

    @Test
    @DisplayName("GELU's table of Phi and phi (cubic Hermite, knots 1/256 apart on [-3, 6]) equals the exact functions within 1e-12, and 1e-9 relative, at 200,000 points of [-8, 8]")
    void tableMatchesTheExactFunctions() {
        double worst = 0;
        for (int k = 0; k <= 200_000; k++) {
            double x = -8 + 16.0 * k / 200_000 + 1e-7;
            double c = CpuTransformer.normalCdf(x), p = CpuTransformer.normalPdf(x);
            double dc = Math.abs(CpuTransformer.cdf(x) - c), dp = Math.abs(CpuTransformer.pdf(x) - p);
            worst = Math.max(worst, Math.max(dc, dp));
            assertTrue(dc <= 1e-12 && dc <= 1e-9 * c, "Phi(" + x + "): " + dc);
            assertTrue(dp <= 1e-12 && dp <= 1e-9 * p, "phi(" + x + "): " + dp);
        }
        System.out.println("largest table error " + worst);
    }
}
