package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Discrete;
import java.util.List;

/**
 * A deterministic policy written as rules on the observation, for the policies the book
 * evaluates: the first rule whose coordinate lies in [min, max] gives the action, else
 * {@code action}. Example 5.4's "stick only on 20 or 21" on Blackjack is
 * <pre>  {"action": 1, "rules": [{"coordinate": 0, "min": 20, "action": 0}]}</pre>
 * and Example 5.5's "always left" is {@code {"action": 0}}. A {@code Discrete} observation has
 * the one coordinate 0; a {@code Tuple} one coordinate per part.
 */
public record TargetPolicy(
        @JsonProperty("action") Integer action,     // the action where no rule applies (required)
        @JsonProperty("rules") List<Rule> rules) {  // tried in order (default none)

    /** If the observation's {@code coordinate} is in [min, max], take {@code action}. */
    public record Rule(
            @JsonProperty("coordinate") Integer coordinate, // which part of the observation (default 0)
            @JsonProperty("min") Integer min,               // lowest value that matches (default: no bound)
            @JsonProperty("max") Integer max,               // highest value that matches (default: no bound)
            @JsonProperty("action") Integer action) {       // the action taken there (required)
        public Rule {
            coordinate = coordinate == null ? 0 : coordinate;
            Check.that(coordinate >= 0, "coordinate", "expected an integer >= 0, found " + coordinate);
            min = min == null ? Integer.MIN_VALUE : min;
            max = max == null ? Integer.MAX_VALUE : max;
            Check.that(min <= max, "max", "expected max >= min (" + min + "), found " + max);
            Check.present("action", action);
        }
    }

    public TargetPolicy {
        Check.present("action", action);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** π(observation): the action this policy takes. */
    public int act(Object observation) {
        for (Rule r : rules) {
            int v = coordinate(observation, r.coordinate());
            if (v >= r.min() && v <= r.max()) return r.action();
        }
        return action;
    }

    private static int coordinate(Object observation, int k) {
        if (observation instanceof List<?> parts) return (Integer) parts.get(k);
        if (k != 0) throw new IllegalArgumentException("observation " + observation + " has only coordinate 0, not " + k);
        return (Integer) observation;
    }

    /** Every action this policy can name, for checking against the action space. */
    List<Integer> actions() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(action), rules.stream().map(Rule::action)).toList();
    }

    /**
     * π worked out once for every row of a table: the env's action in each state. An action
     * outside the action space, or a rule's coordinate outside the observation, is a
     * {@link UserError} naming {@code field} (the setting that holds this policy).
     */
    int[] byRow(StateIndex states, Discrete actionSpace, String field) {
        for (int a : actions()) {
            if (!actionSpace.contains(a)) throw new UserError(field + ": action " + a + " is not in the action space " + actionSpace);
        }
        int[] pi = new int[states.size()];
        try {
            for (int row = 0; row < pi.length; row++) pi[row] = act(states.observation(row));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new UserError(field + ": a rule's coordinate is not in the observation space " + states.space());
        }
        return pi;
    }
}
