package dev.jgym.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Clock.RealTime on a fake monotonic clock: the sleeper advances fake time instead of sleeping,
 * so these tests never sleep and assert schedules, not wall-clock timings.
 */
class ClockTest {
    private static final long MS = 1_000_000L;

    /** Fake time in nanoseconds; sleeping moves it forward by {@code sleepShare} of the request. */
    private static final class FakeTime implements Clock.TimeSource, Clock.Sleeper {
        long now = 1_000 * MS; // an arbitrary origin: nanoTime has none
        final double sleepShare;
        final List<Long> sleeps = new ArrayList<>();

        FakeTime(double sleepShare) {
            this.sleepShare = sleepShare;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += Math.max(1, (long) (nanos * sleepShare));
        }
    }

    /** Runs ticks, doing {@code work[i]} ms of work after tick i; returns tick times in ms from the origin. */
    private static List<Long> ticks(Clock.RealTime clock, FakeTime time, long... workMs) {
        List<Long> at = new ArrayList<>();
        long origin = 1_000 * MS;
        for (long w : workMs) {
            clock.awaitTick();
            at.add((time.now - origin) / MS);
            time.now += w * MS;
        }
        return at;
    }

    @Test
    @DisplayName("10 ticks/s: ticks 100 ms apart, first at once; work inside a tick does not shift the schedule")
    void ticksSpacedByPeriod() {
        FakeTime time = new FakeTime(1);
        Clock.RealTime clock = new Clock.RealTime(10, time, time);
        assertEquals(100 * MS, clock.periodNanos());
        assertEquals(List.of(0L, 100L, 200L, 300L, 400L), ticks(clock, time, 0, 30, 99, 0, 0));
    }

    @Test
    @DisplayName("setSpeed(2) halves the period, from the very next tick")
    void speedChangesPeriod() {
        FakeTime time = new FakeTime(1);
        Clock.RealTime clock = new Clock.RealTime(10, time, time);
        List<Long> at = ticks(clock, time, 0, 0);
        clock.setSpeed(2);
        assertEquals(50 * MS, clock.periodNanos());
        at.addAll(ticks(clock, time, 0, 0, 0));
        assertEquals(List.of(0L, 100L, 150L, 200L, 250L), at);
        clock.setSpeed(0.5);
        assertEquals(200 * MS, clock.periodNanos());
        assertEquals(List.of(450L, 650L), ticks(clock, time, 0, 0));
    }

    @Test
    @DisplayName("falling behind by more than a period restarts the schedule from now: no burst of catch-up ticks")
    void fallingBehindRestarts() {
        FakeTime time = new FakeTime(1);
        Clock.RealTime clock = new Clock.RealTime(10, time, time);
        // tick 1 takes 350 ms: ticks due at 200 and 300 are dropped, not run back to back at 350
        assertEquals(List.of(0L, 100L, 450L, 550L, 650L), ticks(clock, time, 0, 350, 0, 0, 0));
    }

    @Test
    @DisplayName("late by less than a period: the tick runs at once and the next keeps the schedule")
    void slightlyLateKeepsSchedule() {
        FakeTime time = new FakeTime(1);
        Clock.RealTime clock = new Clock.RealTime(10, time, time);
        assertEquals(List.of(0L, 130L, 200L, 300L), ticks(clock, time, 130, 0, 0, 0));
    }

    @Test
    @DisplayName("a sleeper that wakes early is called again until the tick is due")
    void earlyWakeupsSleepAgain() {
        FakeTime time = new FakeTime(0.5);
        Clock.RealTime clock = new Clock.RealTime(10, time, time);
        assertEquals(List.of(0L, 100L), ticks(clock, time, 0, 0));
        assertEquals(List.of(100 * MS, 50 * MS, 25 * MS), time.sleeps.subList(0, 3));
    }

    @Test
    @DisplayName("bad rates and speeds are rejected; 60 ticks/s is 16666667 ns")
    void validation() {
        FakeTime time = new FakeTime(1);
        assertThrows(IllegalArgumentException.class, () -> new Clock.RealTime(0, time, time));
        assertThrows(IllegalArgumentException.class, () -> new Clock.RealTime(Double.NaN, time, time));
        Clock.RealTime clock = new Clock.RealTime(60, time, time);
        assertEquals(16_666_667L, clock.periodNanos());
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(0));
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(-1));
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> clock.setSpeed(Double.POSITIVE_INFINITY));
        assertEquals(1.0, clock.speed());
    }
}
