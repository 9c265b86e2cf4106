package dev.jgym.agents.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tile coding as Sutton's {@code tiles3} (http://incompleteideas.net/tiles/tiles3.html) does it,
 * so that configs can follow the book's code (Figures 9.10 and 10.1-10.4):
 * <pre>
 *   q_d = ⌊f_d · tilings⌋                          for each float f_d (already in tile units)
 *   tiling t: coords = (t, ⌊(q_0 + t) / tilings⌋, ⌊(q_1 + 3t) / tilings⌋, ..., ints...)
 * </pre>
 * (tiling t is displaced by t, 3t, 5t, ... tilings-ths of a tile in dimensions 0, 1, 2: the
 * asymmetric offsets of section 9.5.4), and every distinct coords tuple gets the next free index of
 * an index hash table ({@code IHT}) of {@code size} entries, in the order first seen. Once the table
 * is full, new tuples share indices (hashed), as tiles3 allows collisions then.
 */
public final class TileCoder {
    private final int size;
    private final int tilings;
    private final Map<Key, Integer> table = new HashMap<>();
    private final List<int[]> order = new ArrayList<>();
    private long collisions;

    private record Key(int[] coords) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(coords, k.coords);
        }

        @Override public int hashCode() { // mixed: Arrays.hashCode of small coordinates crowds a few buckets
            int h = 0;
            for (int c : coords) h = (h ^ c) * 0x9E3779B1;
            return h ^ (h >>> 15);
        }
    }

    public TileCoder(int size, int tilings) {
        this.size = size;
        this.tilings = tilings;
    }

    public int size() {
        return size;
    }

    public int tilings() {
        return tilings;
    }

    /** The active tile of each tiling for {@code floats} (and an action, or −1 for none), one feature each, into {@code x}. */
    public void tiles(double[] floats, int action, FeatureVector x) {
        int dims = floats.length;
        int[] q = new int[dims];
        for (int d = 0; d < dims; d++) q[d] = (int) Math.floor(floats[d] * tilings);
        int[] coords = new int[1 + dims + (action >= 0 ? 1 : 0)]; // looked up in place, copied only when new
        for (int t = 0; t < tilings; t++) {
            coords[0] = t;
            int b = t;
            for (int d = 0; d < dims; d++) {
                coords[1 + d] = Math.floorDiv(q[d] + b, tilings);
                b += 2 * t;
            }
            if (action >= 0) coords[1 + dims] = action;
            x.put(index(coords), 1.0);
        }
    }

    private int index(int[] coords) {
        Integer i = table.get(new Key(coords));
        if (i != null) return i;
        if (order.size() >= size) {
            collisions++;
            return Math.floorMod(Arrays.hashCode(coords), size);
        }
        int[] copy = coords.clone();
        int next = order.size();
        table.put(new Key(copy), next);
        order.add(copy);
        return next;
    }

    /** How many tuples the table holds (the features in use). */
    public int count() {
        return order.size();
    }

    /** The tuples in index order, for saving. */
    public List<int[]> entries() {
        return List.copyOf(order);
    }

    /** Restores saved tuples (in index order), replacing the table. */
    public void restore(List<int[]> entries) {
        table.clear();
        order.clear();
        for (int[] c : entries) index(c);
    }
}
