package dev.jgym.experiments;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.run.ValueGrids;
import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import dev.jgym.core.space.TupleSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code values.png} draws the agents' learned values on a grid of states (a config's
 * {@code "value_map"}), as the book draws Figures 3.2, 3.5 and 5.1. On a {@code Discrete}
 * observation space, {@code width} cells a row, state s at row s / width and column s % width,
 * row 0 at the top (Gymnasium's grid order):
 * <pre>{@code "value_map": {"width": 5, "arrows": true}}</pre>
 * On a {@code Tuple} of them, two coordinates span the rows and columns and a third may split the
 * panels (Blackjack's player sum down, dealer's card across, a panel each with and without a usable ace):
 * <pre>{@code "value_map": {"rows": {"coordinate": 0, "from": 21, "to": 12, "title": "Player sum"},
 *               "columns": {"coordinate": 1, "from": 1, "to": 10, "title": "Dealer showing"},
 *               "panels": {"coordinate": 2, "values": [1, 0], "titles": ["Usable ace", "No usable ace"]}}}</pre>
 * Every other coordinate of a drawn state is its space's lowest value. A panel per agent (and per
 * {@code values_at} point, the final values last) and per {@code panels} value; with
 * {@code true_values}, each listed cell also prints its true value in brackets; with
 * {@code arrows}, an action-value learner's panel is followed by its greedy policy: an arrow
 * for every action within {@code tie} of the best, by the env's action names (up/north ...).
 *
 * @param width cells a row, for a {@code Discrete} space
 * @param rows the coordinate down the rows, for a {@code Tuple}
 * @param columns the coordinate across the columns, for a {@code Tuple}
 * @param panels the coordinate whose values get a panel each, for a {@code Tuple} (optional)
 * @param arrows draw the greedy policies of action-value learners [false]
 * @param tie actions within this of the best are all greedy [0.05]
 * @param digits decimals printed [1]
 * @param range the colour scale's [low, high] (default: the values' range)
 */
public record ValueMap(
        Integer width,
        Axis rows,
        Axis columns,
        Split panels,
        Boolean arrows,
        Double tie,
        Integer digits,
        List<Double> range) {

    public ValueMap {
        Check.that(width != null || rows != null && columns != null, "width",
                "expected width (a Discrete space's cells a row) or rows and columns (coordinates of a Tuple)");
        Check.that(width == null || rows == null && columns == null && panels == null, "width",
                "expected width alone (a Discrete space) or rows, columns and panels (a Tuple), found both");
        if (width != null) Check.size("width", width, 10_000);
        arrows = arrows == null ? Boolean.FALSE : arrows;
        tie = tie == null ? 0.05 : tie;
        Check.that(tie >= 0 && Double.isFinite(tie), "tie", "expected a number >= 0, found " + tie);
        digits = digits == null ? 1 : digits;
        Check.that(digits >= 0 && digits <= 6, "digits", "expected an integer in [0, 6], found " + digits);
        if (range != null) {
            Check.that(range.size() == 2 && !range.contains(null) && range.get(0) < range.get(1), "range",
                    "expected [low, high] with low < high, found " + range);
            range = List.copyOf(range);
        }
    }

    /** One coordinate of a Tuple observation along an axis, from one value to another (either way). */
    public record Axis(@JsonProperty(required = true) Integer coordinate, @JsonProperty(required = true) Integer from,
                       @JsonProperty(required = true) Integer to, String title) {
        public Axis {
            Check.present("coordinate", coordinate);
            Check.that(coordinate >= 0, "coordinate", "expected an integer >= 0, found " + coordinate);
            Check.present("from", from);
            Check.present("to", to);
            Check.size("cells", Math.abs((long) to - from) + 1, 10_000);
        }

        int length() {
            return Math.abs(to - from) + 1;
        }

        int value(int i) {
            return from + (to >= from ? i : -i);
        }
    }

    /** A coordinate of a Tuple observation whose listed values get a panel each, with their titles. */
    public record Split(@JsonProperty(required = true) Integer coordinate, @JsonProperty(required = true) List<Integer> values, List<String> titles) {
        public Split {
            Check.present("coordinate", coordinate);
            Check.that(coordinate >= 0, "coordinate", "expected an integer >= 0, found " + coordinate);
            Check.that(values != null && !values.isEmpty() && !values.contains(null), "values", "expected a non-empty list of integers");
            values = List.copyOf(values);
            if (titles != null) {
                Check.that(titles.size() == values.size(), "titles", "expected one title per value (" + values.size() + "), found " + titles.size());
                titles = List.copyOf(titles);
            }
        }
    }

    /** Checks the map against the env; a mistake names {@code where}, the config's path to this object. */
    void check(Space<?> observations, List<String> actionNames, int actions, String where) {
        if (width != null) {
            if (!(observations instanceof Discrete d)) throw new UserError(where + ".width: only for a Discrete observation space, the env has " + observations);
            if (d.n() % width != 0) throw new UserError(where + ".width: expected a divisor of the env's " + d.n() + " states, found " + width);
        } else {
            if (!(observations instanceof TupleSpace t)) throw new UserError(where + ".rows: only for a Tuple observation space, the env has " + observations);
            checkAxis(t, rows.coordinate(), List.of(rows.from(), rows.to()), where + ".rows");
            checkAxis(t, columns.coordinate(), List.of(columns.from(), columns.to()), where + ".columns");
            if (panels != null) checkAxis(t, panels.coordinate(), panels.values(), where + ".panels");
        }
        if (arrows) {
            if (actions == 0 || actionNames.size() != actions) throw new UserError(where + ".arrows: the env names no actions to draw as arrows");
            for (String name : actionNames) {
                if (ValueGrids.direction(name) == 0) {
                    throw new UserError(where + ".arrows: expected actions named as directions (up, right, down, left or north, east, south, west), found \""
                            + name + "\"");
                }
            }
        }
    }

    private static void checkAxis(TupleSpace t, int coordinate, List<Integer> values, String where) {
        if (coordinate >= t.spaces().size() || !(t.spaces().get(coordinate) instanceof Discrete d)) {
            throw new UserError(where + ".coordinate: expected a Discrete part of " + t + ", found " + coordinate);
        }
        for (int v : values) {
            if (!d.contains(v)) throw new UserError(where + ": expected values in " + d + ", found " + v);
        }
    }

    /** One set of values to draw: an agent's, at a number of episodes (or null: the final ones). */
    record Entry(String label, Integer episodes, FinalValues values) {}

    /** Draws the entries into {@code png}; the env's action names give the arrows' directions. */
    void draw(Path png, String title, List<Entry> entries, List<String> actionNames) {
        StateIndex states = entries.get(0).values().states();
        int[] directions = actionNames.stream().mapToInt(ValueGrids::direction).toArray();
        List<Integer> splits = panels == null ? java.util.Collections.singletonList(null) : panels.values();
        List<ValueGrids.Panel> out = new ArrayList<>();
        boolean named = entries.stream().map(Entry::label).distinct().count() > 1; // one agent: the figure's title names it
        int across = 0;
        for (int k = 0; k < splits.size(); k++) {
            Integer split = splits.get(k);
            int before = out.size();
            for (Entry e : entries) {
                FinalValues v = e.values();
                int nRows = width != null ? states.size() / width : rows.length(), nCols = width != null ? width : columns.length();
                double[] cells = new double[nRows * nCols];
                String[] notes = v.hasTruth() ? new String[cells.length] : null;
                int[] greedy = arrows && v.actions() > 0 ? new int[cells.length] : null;
                for (int r = 0; r < nRows; r++) {
                    for (int c = 0; c < nCols; c++) {
                        int i = r * nCols + c, row = width != null ? i : states.index(observation(states.space(), r, c, split));
                        cells[i] = v.stateValue(row);
                        int t = v.truthIndex(row);
                        if (notes != null && t >= 0) notes[i] = String.format(Locale.ROOT, "(%." + digits + "f)", v.trueValue(t));
                        if (greedy != null) {
                            double[] q = new double[v.actions()];
                            for (int a = 0; a < q.length; a++) q[a] = v.actionValue(row, a);
                            greedy[i] = ValueGrids.greedyArrows(q, directions, tie);
                        }
                    }
                }
                List<String> parts = new ArrayList<>();
                if (named) parts.add(e.label());
                if (e.episodes() != null) parts.add(String.format(Locale.ROOT, "after %,d episodes", e.episodes()));
                if (split != null) parts.add(panels.titles() == null ? "coordinate " + panels.coordinate() + " = " + split : panels.titles().get(k));
                String name = String.join(", ", parts);
                out.add(new ValueGrids.Panel(name, nRows, nCols, cells, notes, null, labels(rows, nRows), labels(columns, nCols),
                        rows == null ? null : rows.title(), columns == null ? null : columns.title()));
                if (greedy != null) {
                    out.add(new ValueGrids.Panel(e.label() + ": greedy policy", nRows, nCols, null, null, greedy, labels(rows, nRows),
                            labels(columns, nCols), rows == null ? null : rows.title(), columns == null ? null : columns.title()));
                }
            }
            across = out.size() - before;
        }
        double low = range == null ? Double.NaN : range.get(0), high = range == null ? Double.NaN : range.get(1);
        ValueGrids.write(png, title, out, across, digits, low, high);
    }

    private static String[] labels(Axis axis, int n) {
        String[] l = new String[n];
        for (int i = 0; i < n; i++) l[i] = Integer.toString(axis == null ? i : axis.value(i));
        return l;
    }

    /** The Tuple observation drawn at (r, c): the axes' and the split's coordinates set, every other part its lowest value. */
    private List<Integer> observation(Space<?> space, int r, int c, Integer split) {
        TupleSpace t = (TupleSpace) space;
        List<Integer> o = new ArrayList<>();
        for (Space<?> part : t.spaces()) o.add(((Discrete) part).start());
        o.set(rows.coordinate(), rows.value(r));
        o.set(columns.coordinate(), columns.value(c));
        if (split != null) o.set(panels.coordinate(), split);
        return o;
    }
}
