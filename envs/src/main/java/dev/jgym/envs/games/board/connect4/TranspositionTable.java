package dev.jgym.envs.games.board.connect4;

import java.util.Arrays;

/**
 * A fixed-size hash table from position keys to one small value (Pons part 7): the entry at
 * {@code key % size} keeps the low 32 bits of the key and a byte; a new key overwrites the old.
 *
 * <p>Why 32 bits are enough: keys are below 2^49 and {@code size} is an odd prime above 2^17, so
 * (key mod 2^32, key mod size) identifies the key (Chinese remainder theorem); a stored entry is
 * never mistaken for another position.
 */
final class TranspositionTable {
    private final int[] keys;
    private final byte[] values;

    /** A table of the smallest prime number of entries at or above {@code 2^log2Size} (log2Size 18-28). */
    TranspositionTable(int log2Size) {
        if (log2Size < 18 || log2Size > 28) throw new IllegalArgumentException("table size 2^" + log2Size + ": expected 2^18 to 2^28");
        int size = nextPrime(1 << log2Size);
        keys = new int[size];
        values = new byte[size];
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, (byte) 0);
    }

    void put(long key, int value) {
        int i = (int) (key % keys.length);
        keys[i] = (int) key;
        values[i] = (byte) value;
    }

    /** The value stored for {@code key}, or 0 when there is none. */
    int get(long key) {
        int i = (int) (key % keys.length);
        return keys[i] == (int) key ? values[i] : 0;
    }

    private static int nextPrime(int n) {
        for (int p = n | 1; ; p += 2) {
            boolean prime = true;
            for (int d = 3; (long) d * d <= p; d += 2) {
                if (p % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) return p;
        }
    }
}
