package dev.jgym.core.env;

import java.util.Map;

/** Builds an env from its options (the spec's defaults merged with the caller's). */
@FunctionalInterface
public interface EnvFactory {
    /**
     * @param options merged options; throw {@link dev.jgym.core.config.UserError} for a bad one
     *     ({@link dev.jgym.core.config.Json#bind(Map, Class, String)} does it for a settings record)
     */
    Env<?, ?> create(Map<String, Object> options);
}
