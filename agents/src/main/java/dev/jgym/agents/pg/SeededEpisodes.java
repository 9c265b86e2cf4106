package dev.jgym.agents.pg;

import dev.jgym.nn.io.StateIO;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.Wrapper;
import dev.jgym.core.rng.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sub-env i of a training run's vector env: every reset (the vector env's autoresets included)
 * starts episode e from the seed {@code seeds.child(e)}, and the actions since that reset are
 * kept. The env's state is then a function of (e, actions), which is what a checkpoint stores: a
 * resumed run rebuilds the env by replaying them ({@link #restore}), as DQN's checkpoints do.
 */
final class SeededEpisodes extends Wrapper<float[], Object> {
    private final Rng seeds;
    private int episodes;
    private final List<Object> actions = new ArrayList<>();
    private Map<String, Object> lastInfo = Map.of();

    SeededEpisodes(Env<float[], Object> env, Rng seeds) {
        super(env);
        this.seeds = seeds;
    }

    /** Starts the next episode from its own seed, whatever seed the caller passes. */
    @Override
    public Reset<float[]> reset(Long ignored, Map<String, ?> options) {
        long seed = seeds.child(episodes).nextLong();
        episodes++;
        actions.clear();
        Reset<float[]> r = env.reset(seed, options);
        lastInfo = r.info();
        return r;
    }

    @Override
    public Step<float[]> step(Object action) {
        actions.add(action instanceof float[] f ? f.clone() : action);
        Step<float[]> s = env.step(action);
        lastInfo = s.info();
        return s;
    }

    /** The info of the last reset or step (a resumed run reads the current observation's action mask here). */
    Map<String, Object> lastInfo() {
        return lastInfo;
    }

    /** The number of episodes started, then the current episode's actions (ints, or float vectors for Box actions). */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(episodes);
        out.writeInt(actions.size());
        for (Object a : actions) {
            if (a instanceof float[] f) StateIO.writeFloats(out, f);
            else out.writeInt((Integer) a);
        }
    }

    /** Reads what {@link #write} wrote and replays the episode to where it was; returns the observation there. */
    float[] restore(DataInputStream in, boolean discrete) throws IOException {
        int started = in.readInt();
        int n = in.readInt();
        if (started < 1 || n < 0) throw new IllegalArgumentException("a sub-env with " + started + " episodes and " + n + " actions");
        List<Object> replay = new ArrayList<>(n);
        for (int k = 0; k < n; k++) replay.add(discrete ? (Object) in.readInt() : StateIO.readFloats(in));
        episodes = started - 1;
        float[] obs = reset(null, Map.of()).observation();
        for (Object a : replay) obs = step(a).observation();
        return obs.clone();
    }
}
