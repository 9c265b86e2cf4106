package dev.jgym.core.env;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.wrappers.MaskObservation;
import dev.jgym.core.env.wrappers.OrderEnforcing;
import dev.jgym.core.env.wrappers.TimeLimit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Envs by id. Specs come from every {@link EnvProvider} on the class path (ServiceLoader) and from
 * {@link #register}. {@link #make} builds an env and wraps it as Gymnasium's {@code make} does:
 * {@link OrderEnforcing} inside, then {@link TimeLimit} when the spec (or the reserved option
 * {@value #MAX_EPISODE_STEPS}) gives a limit.
 */
public final class EnvRegistry {
    /** Reserved option: overrides the spec's time limit; 0 or less removes it. */
    public static final String MAX_EPISODE_STEPS = "max_episode_steps";
    /**
     * Reserved option: coordinates of a flat Box observation to hide ({@link MaskObservation},
     * outermost), e.g. {@code [1, 3]} for CartPole without its velocities.
     */
    public static final String HIDE_OBSERVATION = "hide_observation";

    private static final Map<String, EnvSpec> SPECS = new TreeMap<>();
    private static boolean loaded;

    private EnvRegistry() {}

    private static synchronized Map<String, EnvSpec> specs() {
        if (!loaded) {
            loaded = true;
            for (EnvProvider provider : ServiceLoader.load(EnvProvider.class)) {
                provider.specs().forEach(EnvRegistry::add);
            }
        }
        return SPECS;
    }

    private static void add(EnvSpec spec) {
        EnvSpec old = SPECS.putIfAbsent(spec.id(), spec);
        if (old != null && old != spec) throw new IllegalStateException("env id registered twice: " + spec.id());
    }

    /** Adds a spec by hand (tests, user code); the id must be new. */
    public static synchronized void register(EnvSpec spec) {
        specs();
        add(spec);
    }

    /** Every registered spec, sorted by id. */
    public static synchronized Collection<EnvSpec> all() {
        return Collections.unmodifiableCollection(new ArrayList<>(specs().values()));
    }

    /** The spec for an id; an unknown id is a {@link UserError} with the closest match. */
    public static synchronized EnvSpec spec(String id) {
        EnvSpec spec = specs().get(id);
        if (spec == null) throw new UserError(unknownIdMessage(id));
        return spec;
    }

    public static <O, A> Env<O, A> make(String id) {
        return make(id, Map.of());
    }

    /**
     * Builds the env {@code id} with {@code options} over the spec's defaults, wrapped in
     * {@link OrderEnforcing} and, when there is a limit, {@link TimeLimit}.
     */
    @SuppressWarnings("unchecked")
    public static <O, A> Env<O, A> make(String id, Map<String, ?> options) {
        EnvSpec spec = spec(id);
        Map<String, Object> merged = new TreeMap<>(spec.defaultOptions());
        if (options != null) merged.putAll(options);
        Integer limit = spec.maxEpisodeSteps();
        Object override = merged.remove(MAX_EPISODE_STEPS);
        if (override != null) {
            if (!(override instanceof Integer || override instanceof Long)) {
                throw new UserError(id + ": options." + MAX_EPISODE_STEPS + ": expected an integer, found "
                        + (override instanceof String ? "\"" + override + "\"" : override));
            }
            long value = ((Number) override).longValue();
            limit = value > 0 ? (int) Math.min(value, Integer.MAX_VALUE) : null;
        }
        int[] hidden = hiddenCoordinates(id, merged.remove(HIDE_OBSERVATION));
        Env<O, A> env;
        try {
            env = (Env<O, A>) spec.factory().create(Collections.unmodifiableMap(merged));
        } catch (UserError e) {
            throw e.getMessage().startsWith(id) ? e : e.in(id);
        }
        EnvSpec made = new EnvSpec(id, spec.factory(), limit, spec.rewardThreshold(), merged, spec.description(), spec.actionNames(), spec.keys());
        env = new OrderEnforcing<>(env, made);
        if (limit != null) env = new TimeLimit<>(env, limit);
        if (hidden != null) env = hide(id, env, hidden);
        return env;
    }

    private static int[] hiddenCoordinates(String id, Object option) {
        if (option == null) return null;
        String where = id + ": options." + HIDE_OBSERVATION;
        if (!(option instanceof List<?> list) || list.isEmpty()) {
            throw new UserError(where + ": expected a non-empty list of coordinate indices, found " + option);
        }
        int[] hidden = new int[list.size()];
        for (int i = 0; i < hidden.length; i++) {
            if (!(list.get(i) instanceof Integer k) || k < 0) {
                throw new UserError(where + "[" + i + "]: expected an integer >= 0, found " + list.get(i));
            }
            hidden[i] = k;
        }
        return hidden;
    }

    @SuppressWarnings("unchecked")
    private static <O, A> Env<O, A> hide(String id, Env<O, A> env, int[] hidden) {
        String where = id + ": options." + HIDE_OBSERVATION;
        if (!(env.observationSpace() instanceof dev.jgym.core.space.Box box) || box.shape().length != 1) {
            throw new UserError(where + ": needs a flat Box observation space, " + id + " has " + env.observationSpace());
        }
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] >= box.size()) throw new UserError(where + "[" + i + "]: expected a coordinate below " + box.size() + ", found " + hidden[i]);
        }
        if (hidden.length >= box.size()) throw new UserError(where + ": would hide all " + box.size() + " coordinates");
        return (Env<O, A>) (Env<?, ?>) MaskObservation.hide((Env<float[], A>) (Env<?, ?>) env, hidden);
    }

    static String unknownIdMessage(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : specs().keySet()) {
            int d = editDistance(id.toLowerCase(), known.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        boolean close = best != null && bestDistance <= Math.max(2, id.length() / 3);
        String hint = close ? "did you mean " + best + "? `jgym envs` lists them all" : "`jgym envs` lists them all";
        return "unknown env id \"" + id + "\" (" + hint + ")";
    }

    /** Levenshtein distance, for "did you mean". */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Ids sorted, for listings. */
    public static List<String> ids() {
        return all().stream().map(EnvSpec::id).toList();
    }
}
