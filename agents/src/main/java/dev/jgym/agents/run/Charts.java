package dev.jgym.agents.run;

import dev.jgym.core.config.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writing XChart charts as PNG files: rendered in memory, then a temporary file and a rename. */
public final class Charts {
    private Charts() {}

    public static void writePng(Chart<?, ?> chart, Path png) {
        try {
            Json.writeAtomically(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + png, e);
        }
    }
}
