package dev.jgym.nn.opencl;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each tensor lives in the device heap, and which copy is current.
 *
 * <p>A tensor is known by its {@code float[]} (identity, weakly held): the first time the backend
 * sees an array it gets a region of the heap ({@link Region}); when the array is garbage
 * collected, its region goes back to the free list. A region records whether the host array and
 * the device copy are current, so the backend uploads only a tensor the device has not seen or
 * the host changed, and downloads only when asked ({@code toHost}).
 *
 * <p>Allocation is first fit over free blocks kept by offset (coalesced on free), in units of
 * {@value #ALIGN} floats. Offsets do not affect results, only where values sit. Not thread-safe:
 * the backend calls it from its single dispatch lock.
 */
final class DeviceMemory {
    static final int ALIGN = 16;

    /** A tensor's place in the heap and which side holds its current values. */
    static final class Region {
        final int offset, size;
        boolean hostCurrent, deviceCurrent;
        long transfers;

        Region(int offset, int size) {
            this.offset = offset;
            this.size = size;
        }
    }

    /** A weak, identity-keyed handle on a host array. */
    private static final class Key extends WeakReference<float[]> {
        private final int hash;

        Key(float[] array, ReferenceQueue<float[]> queue) {
            super(array, queue);
            this.hash = System.identityHashCode(array);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Key other)) return false;
            float[] a = get();
            return a != null && a == other.get();
        }
    }

    private final Map<Key, Region> regions = new HashMap<>();
    private final ReferenceQueue<float[]> queue = new ReferenceQueue<>();
    private final TreeMap<Integer, Integer> free = new TreeMap<>();
    private int capacity;
    private long used;

    DeviceMemory(int capacity) {
        this.capacity = capacity;
        free.put(0, capacity);
    }

    int capacity() {
        return capacity;
    }

    /** Floats held by live regions (scratch included). */
    long used() {
        return used;
    }

    int liveRegions() {
        return regions.size();
    }

    /** The region of {@code array}, or null when the device has never seen it. */
    Region find(float[] array) {
        return regions.get(new Key(array, null));
    }

    /** A region for a new array, or null when the heap has no room (then grow and retry). */
    Region register(float[] array) {
        int off = allocate(array.length);
        if (off < 0) return null;
        Region r = new Region(off, array.length);
        Key key = new Key(array, queue);
        regions.put(key, r);
        return r;
    }

    /** Returns the regions of collected arrays to the free list. */
    void reclaim() {
        java.lang.ref.Reference<? extends float[]> ref;
        while ((ref = queue.poll()) != null) {
            Region r = regions.remove(ref);
            if (r != null) release(r.offset, r.size);
        }
    }

    /** A raw block of n floats (scratch for partial sums), or -1. */
    int allocate(int n) {
        int units = units(n);
        for (Map.Entry<Integer, Integer> e : free.entrySet()) {
            if (e.getValue() >= units) {
                int off = e.getKey(), size = e.getValue();
                free.remove(off);
                if (size > units) free.put(off + units, size - units);
                used += units;
                return off;
            }
        }
        return -1;
    }

    void release(int offset, int n) {
        int units = units(n);
        used -= units;
        int off = offset, size = units;
        Map.Entry<Integer, Integer> before = free.floorEntry(off);
        if (before != null && before.getKey() + before.getValue() == off) {
            off = before.getKey();
            size += before.getValue();
            free.remove(before.getKey());
        }
        Integer after = free.get(offset + units);
        if (after != null) {
            free.remove(offset + units);
            size += after;
        }
        free.put(off, size);
    }

    /** Makes the heap newCapacity floats long, a multiple of ALIGN (the caller moves the values). */
    void grow(int newCapacity) {
        if (newCapacity <= capacity) return;
        used += newCapacity - capacity;
        release(capacity, newCapacity - capacity);
        capacity = newCapacity;
    }

    static int units(int n) {
        return Math.max(1, (n + ALIGN - 1) / ALIGN) * ALIGN;
    }
}
