package dev.jgym.desktop;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.KeyControls;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic key presses for the human-play window's tests ({@code --keys}): comma-separated
 * {@code KEY[+KEY][*FRAMES]}, each combination held down for {@code FRAMES} frames (default 1)
 * and released for two; {@code -} or {@code -*FRAMES} is a pause. They go through the same
 * key handler as real keys.
 */
final class KeyScript {
    /** One combination held for {@code frames} frames (no keys: a pause). */
    record Press(List<String> keys, int frames) {}

    private KeyScript() {}

    static List<Press> parse(String script) {
        List<Press> presses = new ArrayList<>();
        for (String token : script.split(",")) {
            String t = token.trim();
            int frames = 1;
            int star = t.indexOf('*');
            if (star >= 0) {
                try {
                    frames = Integer.parseInt(t.substring(star + 1));
                } catch (NumberFormatException e) {
                    throw new UserError("play --keys: expected KEY[+KEY][*FRAMES], found " + t);
                }
                if (frames < 1 || frames > 100_000) throw new UserError("play --keys: frames must be in [1, 100000], found " + frames);
                t = t.substring(0, star);
            }
            try {
                presses.add(new Press(t.equals("-") ? List.of() : KeyControls.keysOf(t), frames));
            } catch (IllegalArgumentException e) {
                throw new UserError("play --keys: " + e.getMessage());
            }
        }
        return presses;
    }
}
