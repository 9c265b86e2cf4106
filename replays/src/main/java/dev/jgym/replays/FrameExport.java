package dev.jgym.replays;

import dev.jgym.core.config.UserError;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Frames of a replay as images: every episode re-simulated ({@link Resimulation}) and each state
 * (the reset, then every step) drawn by {@link RasterRenderer} with the step's annotations. A
 * replay that diverges is drawn up to the last matching state and then refused, so no false frame
 * is ever written.
 */
public final class FrameExport {
    private FrameExport() {}

    /** Receives frames in order. */
    @FunctionalInterface
    public interface FrameSink {
        void frame(int episode, int step, BufferedImage image) throws IOException;
    }

    /** Draws every frame; returns the number of frames. A divergence is a {@link UserError} after the frames before it. */
    public static int frames(Replay replay, int longSide, FrameSink sink) {
        int count = 0;
        for (ReplayEpisode e : replay.episodes()) {
            try (Resimulation sim = new Resimulation(replay, e)) {
                Divergence d = sim.start();
                while (true) {
                    if (d != null) {
                        throw new UserError("replay " + replay.file() + ": diverges at " + d.message() + " (frames stop before it)");
                    }
                    int step = sim.position();
                    var ann = step == 0 ? dev.jgym.core.scene.Annotations.NONE : e.annotations(step - 1);
                    sink.frame(e.index(), step, RasterRenderer.render(sim.env().scene(ann), longSide));
                    count++;
                    if (!sim.hasNext()) break;
                    d = sim.step();
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return count;
    }

    /** One PNG per frame in {@code dir}: {@code e<episode>-s<step>.png} (zero-padded, so names sort in play order). */
    public static int pngs(Replay replay, Path dir, int longSide) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the folder (" + e.getMessage() + ")");
        }
        return frames(replay, longSide, (ep, step, img) ->
                ImageIO.write(img, "png", dir.resolve(String.format("e%04d-s%06d.png", ep, step)).toFile()));
    }

    /** An animated GIF that loops, {@code fps} frames a second. */
    public static int gif(Replay replay, Path file, int longSide, int fps) {
        List<BufferedImage> images = new ArrayList<>();
        frames(replay, longSide, (ep, step, img) -> images.add(img));
        writeGif(images, file, fps);
        return images.size();
    }

    /** Writes images as a looping animated GIF. */
    public static void writeGif(List<BufferedImage> images, Path file, int fps) {
        if (images.isEmpty()) throw new UserError(file + ": no frames to write");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.deleteIfExists(file);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.prepareWriteSequence(null);
                int delay = Math.max(1, Math.round(100f / fps)); // hundredths of a second
                for (BufferedImage img : images) {
                    ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(img);
                    IIOMetadata meta = writer.getDefaultImageMetadata(type, writer.getDefaultWriteParam());
                    String format = meta.getNativeMetadataFormatName();
                    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
                    IIOMetadataNode control = child(root, "GraphicControlExtension");
                    control.setAttribute("disposalMethod", "none");
                    control.setAttribute("userInputFlag", "FALSE");
                    control.setAttribute("transparentColorFlag", "FALSE");
                    control.setAttribute("delayTime", Integer.toString(delay));
                    control.setAttribute("transparentColorIndex", "0");
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0}); // loop forever
                    apps.appendChild(app);
                    meta.setFromTree(format, root);
                    writer.writeToSequence(new IIOImage(img, null, meta), writer.getDefaultWriteParam());
                }
                writer.endWriteSequence();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
