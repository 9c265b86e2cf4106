package dev.jgym.core.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    @Test
    @DisplayName("the bars a viewer draws: action values first, then action probabilities, then visit counts; none without them")
    void barsPreferValuesThenProbabilitiesThenVisits() {
        double[] q = {1, 2}, p = {0.3, 0.7}, n = {10, 30};
        assertEquals("action values", new Annotations(Map.of(Annotations.VISIT_COUNTS, n, Annotations.ACTION_VALUES, q), Map.of()).bars().title());
        Annotations.Bars pb = new Annotations(Map.of(Annotations.VISIT_COUNTS, n, Annotations.ACTION_PROBABILITIES, p), Map.of()).bars();
        assertEquals(Annotations.ACTION_PROBABILITIES, pb.key());
        assertArrayEquals(p, pb.values());
        assertEquals("search visit counts", Annotations.vector(Annotations.VISIT_COUNTS, n).bars().title());
        assertNull(Annotations.vector("other", n).bars());
        assertNull(Annotations.vector(Annotations.ACTION_VALUES, new double[0]).bars());
    }
}
