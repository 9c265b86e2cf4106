package dev.jgym.agents.alphazero;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One finished self-play game as training data and as a record: for each move t, the position
 * as the player to move saw it ({@code obs}, {@code cells * 2} bytes of 0/1), its legal moves,
 * the search policy pi (root visits / their sum), the search's visit counts and Q per move, its
 * root value, and the move played; then the winner (0, 1, or -1 for a draw).
 */
public record SelfPlayGame(int moves, int[] actions, int[] players, byte[] obs, byte[] masks, float[] policies, int[] visits,
                           float[] qs, float[] rootValues, int winner) {
    /** The outcome for the player to move at move t: +1 won, -1 lost, 0 drawn. */
    public float outcome(int t) {
        return winner < 0 ? 0 : winner == players[t] ? 1 : -1;
    }

    /**
     * What the value head learns at move t: the outcome z, or with {@code average} (the config's
     * {@code "value_target": "average"}) (z + q) / 2 with q the search's root value there.
     */
    public float valueTarget(int t, boolean average) {
        return average ? (outcome(t) + rootValues[t]) / 2 : outcome(t);
    }

    void write(DataOutputStream out, int inputs, int actionCount) throws IOException {
        out.writeInt(moves);
        out.writeInt(winner);
        for (int t = 0; t < moves; t++) {
            out.writeByte(actions[t]);
            out.writeByte(players[t]);
            out.writeFloat(rootValues[t]);
        }
        out.write(obs, 0, moves * inputs);
        out.write(masks, 0, moves * actionCount);
        for (int i = 0; i < moves * actionCount; i++) {
            out.writeFloat(policies[i]);
            out.writeInt(visits[i]);
            out.writeFloat(qs[i]);
        }
    }

    static SelfPlayGame read(DataInputStream in, int inputs, int actionCount) throws IOException {
        int moves = in.readInt();
        if (moves < 1 || moves > 10_000) throw new IllegalArgumentException("a game of " + moves + " moves");
        int winner = in.readInt();
        int[] actions = new int[moves], players = new int[moves];
        float[] rootValues = new float[moves];
        for (int t = 0; t < moves; t++) {
            actions[t] = in.readByte();
            players[t] = in.readByte();
            rootValues[t] = in.readFloat();
        }
        byte[] obs = in.readNBytes(moves * inputs), masks = in.readNBytes(moves * actionCount);
        float[] policies = new float[moves * actionCount], qs = new float[moves * actionCount];
        int[] visits = new int[moves * actionCount];
        for (int i = 0; i < moves * actionCount; i++) {
            policies[i] = in.readFloat();
            visits[i] = in.readInt();
            qs[i] = in.readFloat();
        }
        return new SelfPlayGame(moves, actions, players, obs, masks, policies, visits, qs, rootValues, winner);
    }
}
