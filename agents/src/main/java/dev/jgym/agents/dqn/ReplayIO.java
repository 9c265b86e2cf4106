package dev.jgym.agents.dqn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The binary form of stored transitions in a checkpoint (the replays' part of {@link State});
 * parameters, optimizer state and arrays go through {@link dev.jgym.nn.io.StateIO}.
 */
final class ReplayIO {
    private ReplayIO() {}

    /** The first n stored transitions of a replay's arrays (observations of d values), in the same order for both replays. */
    static void writeTransitions(DataOutputStream out, int n, int d, float[] obs, float[] next, int[] actions, float[] rewards,
                                         float[] discounts) throws IOException {
        writeObservations(out, n * d, obs, next);
        writeOutcomes(out, n, actions, rewards, discounts);
    }

    static void readTransitions(DataInputStream in, int n, int d, float[] obs, float[] next, int[] actions, float[] rewards,
                                        float[] discounts) throws IOException {
        readObservations(in, n * d, obs, next);
        readOutcomes(in, n, actions, rewards, discounts);
    }

    /** The first {@code values} floats of the states and of the next states. */
    static void writeObservations(DataOutputStream out, int values, float[] obs, float[] next) throws IOException {
        for (int i = 0; i < values; i++) out.writeFloat(obs[i]);
        for (int i = 0; i < values; i++) out.writeFloat(next[i]);
    }

    static void readObservations(DataInputStream in, int values, float[] obs, float[] next) throws IOException {
        for (int i = 0; i < values; i++) obs[i] = in.readFloat();
        for (int i = 0; i < values; i++) next[i] = in.readFloat();
    }

    /** Actions, rewards and discounts of the first n transitions. */
    static void writeOutcomes(DataOutputStream out, int n, int[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n; i++) out.writeInt(actions[i]);
        for (int i = 0; i < n; i++) out.writeFloat(rewards[i]);
        for (int i = 0; i < n; i++) out.writeFloat(discounts[i]);
    }

    static void readOutcomes(DataInputStream in, int n, int[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n; i++) actions[i] = in.readInt();
        readRewards(in, n, rewards, discounts);
    }

    /** Box actions ({@code dim} floats each), rewards and discounts of the first n transitions. */
    static void writeOutcomes(DataOutputStream out, int n, int dim, float[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n * dim; i++) out.writeFloat(actions[i]);
        for (int i = 0; i < n; i++) out.writeFloat(rewards[i]);
        for (int i = 0; i < n; i++) out.writeFloat(discounts[i]);
    }

    static void readOutcomes(DataInputStream in, int n, int dim, float[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n * dim; i++) actions[i] = in.readFloat();
        readRewards(in, n, rewards, discounts);
    }

    private static void readRewards(DataInputStream in, int n, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n; i++) rewards[i] = in.readFloat();
        for (int i = 0; i < n; i++) discounts[i] = in.readFloat();
    }

}
