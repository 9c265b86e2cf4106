package dev.jgym.core.config;

/**
 * Validation for settings records: each check throws a {@link FieldError} naming the field, so
 * {@link Json} can report the full JSON path ({@code $.agents[0].epsilon: expected ...}).
 * Call them from a record's compact constructor.
 */
public final class Check {
    private Check() {}

    /** A setting that is present but wrong: the field and what was expected versus found. */
    public static final class FieldError extends IllegalArgumentException {
        private final String field;

        public FieldError(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** {@code value} in [1, max]: a size that is allocated, so its limit is named before anything is. */
    public static void size(String field, long value, long max) {
        positive(field, value);
        that(value <= max, field, "expected at most " + max + " (the limit of this size), found " + value);
    }

    public static void positive(String field, long value) {
        if (value <= 0) throw new FieldError(field, "expected a positive integer, found " + value);
    }

    public static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new FieldError(field, "expected a positive number, found " + value);
    }

    public static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new FieldError(field, "expected a number >= 0, found " + value);
    }

    public static void finite(String field, double value) {
        if (!Double.isFinite(value)) throw new FieldError(field, "expected a finite number, found " + value);
    }

    public static void inRange(String field, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new FieldError(field, "expected a number in [" + fmt(low) + ", " + fmt(high) + "], found " + fmt(value));
        }
    }

    public static void present(String field, Object value) {
        if (value == null) throw new FieldError(field, "missing (required)");
    }

    public static void that(boolean ok, String field, String message) {
        if (!ok) throw new FieldError(field, message);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
