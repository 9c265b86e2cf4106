package dev.jgym.core.env;

import java.util.List;

/**
 * A module's envs, found through {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.jgym.core.env.EnvProvider} and its envs join the registry.
 */
public interface EnvProvider {
    List<EnvSpec> specs();
}
