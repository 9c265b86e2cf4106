package dev.jgym.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.experiments.lm.Sampler;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.io.ModelFile;
import dev.jgym.nn.layers.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgym sample <run folder>}: text from a trained character-level language model (an {@code lm} run). */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a character-level language model trained by `jgym train` (a run folder of an \"lm\" config).")
final class SampleCommand implements Callable<Integer> {
    static final int MAX_LENGTH = 100_000;
    private final Main main;

    @Parameters(paramLabel = "<run>", description = "the run folder (holding model.jgm and vocabulary.json)")
    Path run;

    @Option(names = "--temperature", paramLabel = "T", description = "softmax temperature, 0 (most likely character) to 10 (default: 0.8)")
    double temperature = 0.8;

    @Option(names = "--length", paramLabel = "N", description = "characters to generate, 1 to " + MAX_LENGTH + " (default: 500)")
    int length = 500;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "the text to continue (default: a new line)")
    String prompt = "";

    @Option(names = "--seed", paramLabel = "N", description = "seed of the sampling stream (default: 0)")
    long seed;

    SampleCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        Limits.range("--length", length, 1, MAX_LENGTH);
        if (!(temperature >= 0 && temperature <= 10)) throw new UserError("--temperature: expected a number in [0, 10], found " + temperature);
        Path vocab = run.resolve("vocabulary.json");
        if (!Files.isRegularFile(vocab)) throw new UserError(run + ": no vocabulary.json here (expected the folder of a language-model run)");
        JsonNode v = Json.readTree(vocab).get("vocabulary");
        if (v == null || !v.isTextual() || v.asText().isEmpty()) throw new UserError(vocab + ": expected {\"vocabulary\": \"<characters>\"}");
        try (CpuBackend be = new CpuBackend(1)) {
            Sequential model = ModelFile.load(run.resolve("model.jgm"), be);
            main.out.println(Sampler.sample(model, v.asText().toCharArray(), prompt, length, temperature, new Rng(seed).child("sample")));
        }
        return 0;
    }
}
