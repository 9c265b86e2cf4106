package dev.jgym.agents.tabular;

import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import dev.jgym.core.space.TupleSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Dense row numbers for the observations of a finite space, so a table is one primitive array:
 * {@code Discrete(n, start)} maps o to {@code o - start}; a {@code Tuple} of {@code Discrete}s
 * (Blackjack's {@code (sum, dealer card, usable ace)}) maps to the mixed-radix number of its parts,
 * first part most significant. {@link #observation(int)} goes back, for saved tables.
 */
public final class StateIndex {
    private final Space<?> space;
    private final int[] sizes;
    private final int[] starts;
    private final boolean tuple;
    private final int size;

    private StateIndex(Space<?> space, int[] sizes, int[] starts, boolean tuple) {
        this.space = space;
        this.sizes = sizes;
        this.starts = starts;
        this.tuple = tuple;
        long n = 1;
        for (int s : sizes) n *= s;
        if (n > 50_000_000) throw new UserError("observation space " + space + " has " + n + " states, too many for a table");
        this.size = (int) n;
    }

    /** The index of a {@code Discrete} space or a {@code Tuple} of them; anything else is a {@link UserError} naming the agent type. */
    public static StateIndex of(Space<?> space, String agentType) {
        if (space instanceof Discrete d) return new StateIndex(space, new int[] {d.n()}, new int[] {d.start()}, false);
        if (space instanceof TupleSpace t) {
            int[] sizes = new int[t.spaces().size()], starts = new int[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                if (!(t.spaces().get(i) instanceof Discrete d)) break;
                sizes[i] = d.n();
                starts[i] = d.start();
                if (i == sizes.length - 1) return new StateIndex(space, sizes, starts, true);
            }
        }
        throw new UserError("agent type \"" + agentType + "\" needs a Discrete observation space or a Tuple of Discrete spaces, the env has " + space);
    }

    public Space<?> space() {
        return space;
    }

    /** Number of rows. */
    public int size() {
        return size;
    }

    /** The row of an observation. */
    public int index(Object observation) {
        if (!tuple) {
            int i = (Integer) observation - starts[0];
            if (i < 0 || i >= size) throw new IllegalArgumentException("observation " + observation + " is not in " + space);
            return i;
        }
        List<?> parts = (List<?>) observation;
        int index = 0;
        for (int k = 0; k < sizes.length; k++) {
            int v = (Integer) parts.get(k) - starts[k];
            if (v < 0 || v >= sizes[k]) throw new IllegalArgumentException("observation " + observation + " is not in " + space);
            index = index * sizes[k] + v;
        }
        return index;
    }

    /** The observation of a row: an {@code Integer}, or a {@code List<Integer>} for a tuple. */
    public Object observation(int index) {
        if (!tuple) return index + starts[0];
        Integer[] parts = new Integer[sizes.length];
        for (int k = sizes.length - 1; k >= 0; k--) {
            parts[k] = index % sizes[k] + starts[k];
            index /= sizes[k];
        }
        return new ArrayList<>(List.of(parts));
    }
}
