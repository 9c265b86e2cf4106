package dev.jgym.experiments.spam;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.List;

/**
 * A spam-filter experiment as data: the corpus, its split, the bag-of-words features and the
 * filters trained on them. {@code jgym train} takes it for a config with a top-level {@code "spam"}
 * key.
 *
 * <pre>{@code
 * {"name": "spam-assassin", "seed": 1,
 *  "data": {"test_fraction": 0.2, "vocabulary": 5000, "min_mails": 5},
 *  "spam": [{"type": "perceptron", "passes": 20},
 *           {"type": "logistic_regression", "epochs": 10, "optimizer": {"type": "adam", "lr": 0.01}},
 *           {"type": "mlp", "hidden": [64], "epochs": 10, "optimizer": {"type": "adam", "lr": 0.001}}]}
 * }</pre>
 *
 * @param seed root of every random stream: the split from {@code child("split")}, filter i from
 *     {@code child("model").child(i)}
 * @param spam the filters: each an object with {@code "type"} ({@code perceptron},
 *     {@code logistic_regression} or {@code mlp}) and that type's settings
 *     ({@link SpamFilter.PerceptronSettings}, {@link SpamFilter.NetworkSettings})
 * @param topWords how many words to show at each end of a linear filter's weights (default 15)
 */
public record SpamConfig(@JsonProperty(required = true) String name, String description, @JsonProperty(required = true) Long seed,
                         DataSettings data, @JsonProperty(required = true) List<JsonNode> spam, @JsonProperty("top_words") Integer topWords) {
    public SpamConfig {
        Check.present("name", name);
        Check.that(!name.isBlank(), "name", "expected a non-empty string");
        description = description == null ? "" : description;
        Check.present("seed", seed);
        if (data == null) data = new DataSettings(null, null, null, null, null);
        Check.present("spam", spam);
        Check.that(!spam.isEmpty(), "spam", "expected at least one filter");
        if (topWords == null) topWords = 15;
        Check.that(topWords >= 0 && topWords <= 1000, "top_words", "expected an integer in [0, 1000], found " + topWords);
    }

    /**
     * @param dir the corpus folder (default: $JGYM_DATA/spam-assassin, else ~/.cache/jgym/spam-assassin)
     * @param testFraction the share of each group held out for testing (default 0.2): group g's
     *     mails are shuffled by {@code seed.child("split").child(g)} and the first
     *     round(fraction n) are test mail
     * @param headers tokenize the whole message (true, the default) or only its body
     * @param vocabulary at most this many words (default 5000), see {@link BagOfWords}
     * @param minMails a word must be in at least this many training mails (default 5)
     */
    public record DataSettings(String dir, @JsonProperty("test_fraction") Double testFraction, Boolean headers, Integer vocabulary,
                               @JsonProperty("min_mails") Integer minMails) {
        public DataSettings {
            if (testFraction == null) testFraction = 0.2;
            Check.that(testFraction > 0 && testFraction < 1, "test_fraction", "expected a number in (0, 1), found " + testFraction);
            if (headers == null) headers = true;
            if (vocabulary == null) vocabulary = 5000;
            Check.positive("vocabulary", vocabulary);
            Check.size("vocabulary", vocabulary, 100_000);
            if (minMails == null) minMails = 5;
            Check.positive("min_mails", minMails);
        }
    }

    public static SpamConfig read(Path file) {
        return Json.read(file, SpamConfig.class);
    }
}
