package dev.jgym.agents.bandit;

import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.nio.file.Path;

/**
 * Reading a strategy's saved state back: the file must be one the same type wrote, for the same
 * number of arms. Every problem is a {@link UserError} naming the file and the field.
 */
final class Saves {
    private Saves() {}

    static <T> T read(Path file, Class<T> type) {
        return Json.read(file, type);
    }

    static void expectType(Path file, String found, String expected) {
        if (!expected.equals(found)) {
            throw new UserError(file + ": $.type: expected \"" + expected + "\" (a file saved by that agent type), found \"" + found + "\"");
        }
    }

    static void expectArms(Path file, String field, int length, int arms) {
        if (length != arms) {
            throw new UserError(file + ": $." + field + ": expected " + arms + " values (one per arm), found " + length);
        }
    }

    static void expectNonNegative(Path file, String field, long value) {
        if (value < 0) throw new UserError(file + ": $." + field + ": expected an integer >= 0, found " + value);
    }

    static void expectPositive(Path file, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new UserError(file + ": $." + field + ": expected a positive number, found " + value);
    }
}
