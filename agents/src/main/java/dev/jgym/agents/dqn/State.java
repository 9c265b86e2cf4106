package dev.jgym.agents.dqn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A stateful part of a DQN run (the counters and rows, a learner, its replay, its n-step
 * accumulator, its exploration, the imitation discriminator): it writes its own state into a
 * checkpoint's body and reads it back in the same order. {@link Checkpoint} only frames the parts.
 */
public interface State {
    void write(DataOutputStream out) throws IOException;

    /** Reads what {@link #write} wrote into this freshly built part; a mismatch throws {@link IllegalArgumentException}. */
    void read(DataInputStream in) throws IOException;
}
