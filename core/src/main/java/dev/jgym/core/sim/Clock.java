package dev.jgym.core.sim;

import java.util.concurrent.locks.LockSupport;

/**
 * When the next tick may run. {@link #headless()} never waits; {@link #realTime} paces ticks to
 * a rate, scaled by a speed factor that can change while the simulation runs (the viewer's
 * speed buttons).
 */
public interface Clock {

    /** Blocks until the next tick is due. */
    void awaitTick();

    /** As fast as possible. */
    static Clock headless() {
        return () -> { };
    }

    /** {@code ticksPerSecond} at speed 1, on the system's monotonic clock. */
    static RealTime realTime(double ticksPerSecond) {
        return new RealTime(ticksPerSecond, System::nanoTime, LockSupport::parkNanos);
    }

    /** A source of monotonic nanoseconds and a way to wait; replaceable in tests. */
    interface TimeSource {
        long nanoTime();
    }

    interface Sleeper {
        void sleepNanos(long nanos);
    }

    /**
     * Paced ticks: tick k is due at {@code start + k / (rate * speed)} seconds. When a tick runs
     * late it is not made up with a burst; the schedule restarts from now.
     */
    final class RealTime implements Clock {
        private final double ticksPerSecond;
        private final TimeSource time;
        private final Sleeper sleeper;
        private volatile double speed = 1;
        private long lastDue;
        private boolean started;

        public RealTime(double ticksPerSecond, TimeSource time, Sleeper sleeper) {
            if (!(ticksPerSecond > 0)) throw new IllegalArgumentException("ticksPerSecond must be positive, was " + ticksPerSecond);
            this.ticksPerSecond = ticksPerSecond;
            this.time = time;
            this.sleeper = sleeper;
        }

        /** Speed factor: 2 runs twice as fast, 0.5 half as fast. */
        public void setSpeed(double factor) {
            if (!(factor > 0) || Double.isInfinite(factor)) throw new IllegalArgumentException("speed must be positive, was " + factor);
            speed = factor;
        }

        public double speed() {
            return speed;
        }

        /** Nanoseconds between ticks at the current speed. */
        public long periodNanos() {
            return Math.max(1, Math.round(1e9 / (ticksPerSecond * speed)));
        }

        @Override
        public void awaitTick() {
            long now = time.nanoTime();
            long period = periodNanos(); // read at each tick, so a speed change applies to the very next one
            long due = started ? lastDue + period : now;
            if (now - due > period) due = now; // we fell behind by more than a tick: restart the schedule, no burst
            while (now - due < 0) {
                sleeper.sleepNanos(due - now);
                now = time.nanoTime();
            }
            started = true;
            lastDue = due;
        }
    }
}
