package dev.jgym.nn.anneal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** QUBO/Ising algebra and the annealer, held against exhaustive enumeration on small instances. */
class AnnealTest {

    /** Couplings and linear terms N(0, 1), a fraction of couplings zero, plus an offset. */
    static Qubo random(int n, Rng rng, double density) {
        Qubo q = new Qubo(n);
        for (int i = 0; i < n; i++) {
            q.add(i, i, rng.gaussian());
            for (int j = i + 1; j < n; j++) if (rng.bernoulli(density)) q.add(i, j, rng.gaussian());
        }
        q.addOffset(rng.gaussian());
        return q;
    }

    static byte[] bits(long k, int n) {
        byte[] x = new byte[n];
        for (int i = 0; i < n; i++) x[i] = (byte) ((k >>> i) & 1);
        return x;
    }

    @Test
    @DisplayName("Ising form equals the QUBO for all 2^10 states, both ways (tolerance 1e-9)")
    void isingAndQuboAgree() {
        Rng rng = new Rng(7);
        for (int t = 0; t < 5; t++) {
            Qubo q = random(10, rng, 0.7);
            Ising m = q.toIsing();
            Qubo back = m.toQubo();
            for (long k = 0; k < 1024; k++) {
                byte[] x = bits(k, 10);
                double e = q.energy(x);
                assertEquals(e, m.energy(Ising.spins(x)), 1e-9);
                assertEquals(e, back.energy(x), 1e-9);
            }
        }
    }

    @Test
    @DisplayName("Gray-code brute force finds the same minimum energy as plain enumeration (n = 12, 1e-9)")
    void bruteForceIsExact() {
        Rng rng = new Rng(11);
        for (int t = 0; t < 5; t++) {
            Qubo q = random(12, rng, 0.5);
            double min = Double.POSITIVE_INFINITY;
            for (long k = 0; k < 4096; k++) min = Math.min(min, q.energy(bits(k, 12)));
            SimulatedAnnealing.Result r = BruteForce.minimize(q);
            assertEquals(min, r.energy(), 1e-9);
            assertEquals(q.energy(r.best()), r.energy(), 0);
        }
    }

    @Test
    @DisplayName("annealer reaches the brute-force optimum on 30 random instances of 4-20 variables (1e-9)")
    void annealerFindsOptimum() {
        Rng rng = new Rng(2024);
        SimulatedAnnealing sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(500, 10, null, null));
        for (int t = 0; t < 30; t++) {
            int n = 4 + t % 17;
            Qubo q = random(n, rng, t % 2 == 0 ? 1.0 : 0.4);
            double exact = BruteForce.minimize(q).energy();
            SimulatedAnnealing.Result r = sa.solve(q, rng.child("solve").child(t));
            assertEquals(exact, r.energy(), 1e-9, "instance " + t + " with " + n + " variables");
            assertEquals(10, r.readEnergies().length);
        }
    }

    @Test
    @DisplayName("frustrated 20-spin Sherrington-Kirkpatrick instances (J = +-1): annealer = brute force")
    void annealerOnSpinGlass() {
        Rng rng = new Rng(5);
        SimulatedAnnealing sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(1000, 20, null, null));
        for (int t = 0; t < 5; t++) {
            Ising m = new Ising(20);
            for (int i = 0; i < 20; i++) for (int j = i + 1; j < 20; j++) m.addCoupling(i, j, rng.nextBoolean() ? 1 : -1);
            Qubo q = m.toQubo();
            double exact = BruteForce.minimize(q).energy();
            SimulatedAnnealing.Result r = sa.solve(q, rng.child(t));
            assertEquals(exact, r.energy(), 1e-9);
            assertEquals(exact, m.energy(Ising.spins(r.best())), 1e-9);
        }
    }

    @Test
    @DisplayName("same seed, same result bit for bit; another seed draws other starts")
    void seeded() {
        Qubo q = random(60, new Rng(3), 0.5);
        SimulatedAnnealing sa = new SimulatedAnnealing(new SimulatedAnnealing.Settings(50, 4, null, null));
        SimulatedAnnealing.Result a = sa.solve(q, new Rng(9)), b = sa.solve(q, new Rng(9)), c = sa.solve(q, new Rng(10));
        assertArrayEquals(a.best(), b.best());
        assertArrayEquals(a.readEnergies(), b.readEnergies());
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(a.readEnergies(), c.readEnergies()));
    }

    @Test
    @DisplayName("default temperatures: ln2/max row sum and ln100/min coefficient")
    void betaRange() {
        Qubo q = new Qubo(2);
        q.add(0, 0, -2);
        q.add(1, 1, 0.5);
        q.add(0, 1, 1);
        double[] b = new SimulatedAnnealing(SimulatedAnnealing.Settings.defaults()).betaRange(q);
        assertEquals(Math.log(2) / 3, b[0], 1e-15);
        assertEquals(Math.log(100) / 0.5, b[1], 1e-15);
    }

    @Test
    @DisplayName("bad settings name the field")
    void badSettings() {
        UserError e = assertThrows(UserError.class, () -> Json.bind(Map.of("sweeps", 0), SimulatedAnnealing.Settings.class, "anneal"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("sweeps"), e.getMessage());
        e = assertThrows(UserError.class, () -> Json.bind(Map.of("beta_start", 2.0, "beta_end", 1.0), SimulatedAnnealing.Settings.class, "anneal"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("beta_end"), e.getMessage());
        assertThrows(UserError.class, () -> Json.bind(Map.of("sweep", 10), SimulatedAnnealing.Settings.class, "anneal"));
    }
}
