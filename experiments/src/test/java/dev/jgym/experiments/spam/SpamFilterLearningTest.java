package dev.jgym.experiments.spam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import dev.jgym.nn.data.SpamAssassin;
import dev.jgym.nn.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * configs/seeds/spam-assassin.json on the SpamAssassin corpus (issue 24's target: ROC AUC >= 0.99
 * on easy ham vs spam for the best filter). The held-out figures of every filter are in the README.
 */
@Tag("learning")
class SpamFilterLearningTest {

    @Test
    @DisplayName("SpamAssassin, 20% held out, 5,000 words: best filter's AUC on easy ham vs spam >= 0.99 (issue 24; seen 0.998 for each of perceptron, logistic regression, MLP), each >= 0.98 and F1 >= 0.95 on all held-out mail")
    void heldOutAuc() {
        TestData.require("spam-assassin", "SpamAssassin", SpamAssassin.defaultDir(), SpamAssassin::present);
        Path file = Configs.path("seeds/spam-assassin.json");
        SpamFilter.Result r = new SpamFilter(SpamConfig.read(file), file.toString()).run(2, n -> { });
        SpamKind.print(System.out, r);
        double best = 0;
        for (SpamFilter.ModelResult m : r.models()) {
            System.out.printf(Locale.ROOT, "%s: %.1f s%n", m.type(), m.seconds());
            Detection easy = m.subset("easy_ham"), all = m.subset("all");
            best = Math.max(best, easy.auc());
            assertTrue(easy.auc() >= 0.98, m.type() + " easy AUC " + easy.auc());
            assertTrue(all.f1() >= 0.95, m.type() + " F1 " + all.f1());
        }
        assertTrue(best >= 0.99, "best AUC on easy ham vs spam " + best);
        assertEquals(List.of("perceptron", "logistic_regression", "mlp"), r.models().stream().map(SpamFilter.ModelResult::type).toList());
        // the held-out mail is 20% of each group
        assertEquals(780, r.corpus().count(true, SpamAssassin.Kind.EASY_HAM));
        assertEquals(50, r.corpus().count(true, SpamAssassin.Kind.HARD_HAM));
        assertEquals(379, r.corpus().count(true, SpamAssassin.Kind.SPAM));
    }
}
