package dev.jgym.nn.data;

import java.nio.file.Path;

/** Where {@code scripts/fetch-data.sh} puts a data set: {@code $JGYM_DATA/<set>}, else {@code ~/.cache/jgym/<set>}. */
final class DataCache {
    private DataCache() {}

    static Path dir(String set) {
        String data = System.getenv("JGYM_DATA");
        if (data != null && !data.isBlank()) return Path.of(data, set);
        return Path.of(System.getProperty("user.home"), ".cache", "jgym", set);
    }
}
