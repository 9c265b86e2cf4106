package dev.jgym.experiments;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import java.nio.file.Path;
import java.util.Set;

/**
 * A generative experiment as data: a GAN or a VAE on MNIST. {@code jgym train} takes it for a
 * config with a top-level {@code "generative"} key.
 *
 * <pre>{@code
 * {"name": "mnist-gan", "seed": 1,
 *  "data": {"dataset": "mnist", "train_limit": 10000},
 *  "generative": {"kind": "gan", "latent": 64, "label_smoothing": 0.1, "loss": "non_saturating",
 *                 "generator": [{"type": "dense", "out": 256}, {"type": "leaky_relu", "slope": 0.2}, {"type": "dense", "out": 784}, {"type": "tanh"}],
 *                 "discriminator": [{"type": "dense", "out": 256}, {"type": "leaky_relu", "slope": 0.2}, {"type": "dense", "out": 1}]},
 *  "training": {"epochs": 20, "batch_size": 64, "optimizer": {"type": "adam", "lr": 0.0002}}}
 * }</pre>
 *
 * @param data MNIST only; pixels in [0, 1] (a GAN sees them scaled to [-1, 1]); {@code normalize} is ignored
 * @param generative the model: kind, latent size, the networks' layers, GAN options
 * @param training epochs, batch size, optimizer (Adam for a GAN uses beta1 0.5, as DCGAN)
 * @param samples how many samples the grid PNG shows (default 100)
 */
public record GenerativeConfig(
        @JsonProperty(required = true) String name,
        String description,
        @JsonProperty(required = true) Long seed,
        @JsonProperty(required = true) SupervisedConfig.DataConfig data,
        @JsonProperty(required = true) Model generative,
        @JsonProperty(required = true) SupervisedConfig.TrainingConfig training,
        Integer samples) {

    public GenerativeConfig {
        Check.present("name", name);
        description = description == null ? "" : description;
        Check.present("seed", seed);
        Check.present("data", data);
        Check.that(data.dataset().equals("mnist"), "data.dataset", "expected \"mnist\" for a generative model, found \"" + data.dataset() + "\"");
        Check.present("generative", generative);
        Check.present("training", training);
        if (samples == null) samples = 100;
        Check.size("samples", samples, 10_000);
    }

    public static GenerativeConfig read(Path file) {
        return Json.read(file, GenerativeConfig.class);
    }

    /**
     * @param kind {@code gan} or {@code vae}
     * @param latent size of z
     * @param generator GAN: z to a 784-value image in [-1, 1] (end with tanh)
     * @param discriminator GAN: image to one logit
     * @param encoder VAE: image to 2 x latent values (means, then log variances)
     * @param decoder VAE: z to 784 logits
     * @param labelSmoothing GAN: real targets are 1 - this (default 0.1; one-sided)
     * @param loss GAN generator loss: {@code non_saturating} (default) or {@code minimax}
     * @param generatorAverage GAN: decay β of the averaged generator that samples come from
     *        (θ_avg ← β θ_avg + (1 − β) θ_G after each step; default 0, off: samples from G itself)
     */
    public record Model(
            @JsonProperty(required = true) String kind,
            @JsonProperty(required = true) Integer latent,
            JsonNode generator,
            JsonNode discriminator,
            JsonNode encoder,
            JsonNode decoder,
            @JsonProperty("label_smoothing") Double labelSmoothing,
            String loss,
            @JsonProperty("generator_average") Double generatorAverage) {
        public Model {
            Check.present("kind", kind);
            Check.that(Set.of("gan", "vae").contains(kind), "kind", "expected \"gan\" or \"vae\", found \"" + kind + "\"");
            Check.present("latent", latent);
            Check.positive("latent", latent);
            if (kind.equals("gan")) {
                Check.present("generator", generator);
                Check.present("discriminator", discriminator);
            } else {
                Check.present("encoder", encoder);
                Check.present("decoder", decoder);
            }
            if (labelSmoothing == null) labelSmoothing = 0.1;
            Check.that(labelSmoothing >= 0 && labelSmoothing < 0.5, "label_smoothing", "expected a number in [0, 0.5), found " + labelSmoothing);
            if (loss == null) loss = "non_saturating";
            Check.that(Set.of("non_saturating", "minimax").contains(loss), "loss", "expected \"non_saturating\" or \"minimax\", found \"" + loss + "\"");
            if (generatorAverage == null) generatorAverage = 0.0;
            Check.that(generatorAverage >= 0 && generatorAverage < 1, "generator_average", "expected a number in [0, 1), found " + generatorAverage);
        }
    }
}
