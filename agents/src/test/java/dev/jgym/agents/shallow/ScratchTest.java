package dev.jgym.agents.shallow;

import dev.jgym.core.anneal.SimulatedAnnealing;
import dev.jgym.core.rng.Rng;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        String ds = System.getProperty("ds", "mnist");
        int ntrain = Integer.getInteger("ntrain", 100);
        FewShot.Split sp = FewShot.split(new FewShot.DataSettings(ds, null, 20, ntrain, 300), 1, "scratch");
        for (String cfg : System.getProperty("cfgs", "3,1,0,10,1,200;3,1,2,10,1,200").split(";")) {
            String[] a = cfg.split(",");
            IsingLayers.Settings s = new IsingLayers.Settings(Integer.parseInt(a[0]), Double.parseDouble(a[1]), Double.parseDouble(a[2]),
                    Integer.parseInt(a[3]), Integer.parseInt(a[4]), new SimulatedAnnealing.Settings(Integer.parseInt(a[5]), 1, null, null));
            long t0 = System.nanoTime();
            IsingLayers.Model m = new IsingLayers(s).train(sp.train(), new Rng(1), 2, x -> { });
            double[] auc = RocAuc.perClass(m.scores(sp.validation().x(), 300), sp.validation().y(), 10);
            System.out.printf("%s: mean AUC %.4f acc %.3f %s  %.1fs%n", cfg, RocAuc.mean(auc), RocAuc.accuracy(m.scores(sp.validation().x(), 300), sp.validation().y()),
                    java.util.Arrays.toString(auc), (System.nanoTime() - t0) / 1e9);
        }
    }
}
