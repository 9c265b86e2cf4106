package dev.jgym.agents.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.planning.FlatModel;
import dev.jgym.agents.planning.Solution;
import dev.jgym.agents.planning.ValueIteration;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.agents.tabular.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S&amp;B Examples 5.1 and 5.3, Figure 5.2: the optimal Blackjack policy. With a usable ace, stick
 * on 19 or more, and on 18 against a dealer 2-8; without one, stick on 17 or more, on 13-16
 * against 2-6, on 12 against 4-6.
 */
class BlackjackTest {

    /** Figure 5.2's policy: true = stick. */
    static boolean figure52(int sum, int dealer, boolean ace) {
        if (ace) return sum >= 19 || (sum == 18 && dealer >= 2 && dealer <= 8);
        return sum >= 17 || (sum >= 13 && dealer >= 2 && dealer <= 6) || (sum == 12 && dealer >= 4 && dealer <= 6);
    }

    @Test
    @DisplayName("value iteration on the exact Blackjack model gives Figure 5.2's policy in all 200 cells")
    void valueIterationGivesFigure52() {
        Solution vi = ValueIteration.solve(new BlackjackModel(), 1.0);
        for (int sum = 12; sum <= 21; sum++) {
            for (int dealer = 1; dealer <= 10; dealer++) {
                for (int ace = 0; ace <= 1; ace++) {
                    int s = BlackjackModel.INDEX.index(List.of(sum, dealer, ace));
                    assertEquals(figure52(sum, dealer, ace == 1), vi.policy()[s] == 0, "sum " + sum + ", dealer " + dealer + ", ace " + ace);
                }
            }
        }
    }

    @Test
    @Tag("learning")
    @DisplayName("Monte Carlo ES, 10M episodes: Figure 5.2 in every cell but those whose two actions are within 0.01 by value iteration (named below)")
    void exploringStartsFindsFigure52() {
        TabularAgent es = Training.train("Blackjack-v1", Map.of(), "mc-exploring-starts", "{}", 10_000_000, 0);
        Solution vi = ValueIteration.solve(new FlatModel(new BlackjackModel()), new ValueIteration.Settings(1.0));
        List<String> wrong = new ArrayList<>();
        for (int sum = 12; sum <= 21; sum++) {
            for (int dealer = 1; dealer <= 10; dealer++) {
                for (int ace = 0; ace <= 1; ace++) {
                    List<Object> obs = List.of(sum, dealer, ace);
                    boolean stick = es.greedyAction(obs) == 0;
                    if (stick != figure52(sum, dealer, ace == 1)) {
                        int s = BlackjackModel.INDEX.index(obs);
                        wrong.add(obs + " gap " + String.format("%.4f", vi.gap(s)));
                    }
                }
            }
        }
        System.out.println("Monte Carlo ES differs from Figure 5.2 in " + wrong.size() + " near-tied cells: " + wrong);
        assertTrue(wrong.size() <= 5, "at most a handful of near-tied cells: " + wrong);
        for (String w : wrong) assertTrue(Double.parseDouble(w.substring(w.indexOf("gap ") + 4)) < 0.01, "a clear cell is wrong: " + w);
    }
}
