package dev.jgym.envs;

import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.envs.bandit.BanditEnvs;
import java.util.ArrayList;
import java.util.List;

/**
 * The bandit family, for {@link java.util.ServiceLoader}. Each env family of this module has one
 * provider, listed one per line in {@code META-INF/services/dev.jgym.core.env.EnvProvider}.
 */
public final class JgymEnvs implements EnvProvider {
    @Override
    public List<EnvSpec> specs() {
        List<EnvSpec> specs = new ArrayList<>();
        specs.addAll(BanditEnvs.specs());
        return List.copyOf(specs);
    }
}
