package dev.jgym.envs;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.envs.bandit.BanditEnvs;
import java.util.ArrayList;
import java.util.List;

/**
 * Every env family of this module, for {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/dev.jgym.core.env.EnvProvider}). A new family adds its specs here.
 */
public final class JgymEnvs implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        List<EnvSpec> specs = new ArrayList<>();
        specs.addAll(BanditEnvs.specs());
        return List.copyOf(specs);
    }
}
