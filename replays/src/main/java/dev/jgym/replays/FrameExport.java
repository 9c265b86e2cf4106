package dev.jgym.replays;

import dev.jgym.core.config.UserError;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Frames of a replay as images: every episode re-simulated ({@link Resimulation}) and each state
 * (the reset, then every step) drawn by {@link RasterRenderer} with the step's annotations. Frames
 * stream: each is drawn, handed on and dropped, so memory holds one frame and the encoder's state
 * whatever the replay's length. Files are written whole or not at all ({@link OutputFile}). A
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

    /** Opens the stream a GIF is encoded into (tests put a failing disk under it). */
    @FunctionalInterface
    interface Opener {
        ImageOutputStream open(Path file) throws IOException;
    }

    /** Draws every frame; returns the number of frames. A divergence is a {@link UserError} after the frames before it. */
    public static int frames(Replay replay, int longSide, FrameSink sink) throws IOException {
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
            }
        }
        return count;
    }

    /** One PNG per frame in {@code dir}: {@code e<episode>-s<step>.png} (zero-padded, so names sort in play order). */
    public static int pngs(Replay replay, Path dir, int longSide) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot create the folder: " + OutputFile.reason(e, dir));
        }
        try {
            return frames(replay, longSide, (ep, step, img) -> OutputFile.write(dir.resolve(String.format("e%04d-s%06d.png", ep, step)), temp -> {
                if (!ImageIO.write(img, "png", temp.toFile())) throw new IOException("no PNG writer");
                return null;
            }));
        } catch (IOException e) {
            throw new UserError(dir + ": cannot write: " + OutputFile.reason(e, dir));
        }
    }

    /** An animated GIF that loops, {@code fps} frames a second, written frame by frame. */
    public static int gif(Replay replay, Path file, int longSide, int fps) {
        return gif(replay, file, longSide, fps, temp -> new FileImageOutputStream(temp.toFile()));
    }

    static int gif(Replay replay, Path file, int longSide, int fps, Opener opener) {
        return OutputFile.write(file, temp -> {
            try (ImageOutputStream out = opener.open(temp); GifSequence gif = new GifSequence(out, fps)) {
                int frames = frames(replay, longSide, (ep, step, img) -> gif.add(img));
                if (frames == 0) throw new UserError(file + ": no frames to write (the replay holds no episodes)");
                return frames;
            }
        });
    }

    /** Writes images as a looping animated GIF. */
    public static void writeGif(List<BufferedImage> images, Path file, int fps) {
        if (images.isEmpty()) throw new UserError(file + ": no frames to write");
        OutputFile.write(file, temp -> {
            try (ImageOutputStream out = new FileImageOutputStream(temp.toFile()); GifSequence gif = new GifSequence(out, fps)) {
                for (BufferedImage img : images) gif.add(img);
            }
            return null;
        });
    }

    /** A GIF being written: frames go straight to the encoder; {@link #close()} ends the sequence. */
    private static final class GifSequence implements AutoCloseable {
        private final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        private final int delay;
        private boolean started;

        GifSequence(ImageOutputStream out, int fps) throws IOException {
            this.delay = Math.max(1, Math.round(100f / fps)); // hundredths of a second
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            started = true;
        }

        void add(BufferedImage frame) throws IOException {
            BufferedImage img = Palette.indexed(frame);
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
            // the default metadata of an indexed image names no colour table; without one the frame would come out black
            IIOMetadataNode table = child(root, "LocalColorTable");
            while (table.getLength() > 0) table.removeChild(table.getFirstChild());
            IndexColorModel model = (IndexColorModel) img.getColorModel();
            table.setAttribute("sizeOfLocalColorTable", Integer.toString(model.getMapSize()));
            table.setAttribute("sortFlag", "FALSE");
            for (int i = 0; i < model.getMapSize(); i++) {
                IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
                entry.setAttribute("index", Integer.toString(i));
                entry.setAttribute("red", Integer.toString(model.getRed(i)));
                entry.setAttribute("green", Integer.toString(model.getGreen(i)));
                entry.setAttribute("blue", Integer.toString(model.getBlue(i)));
                table.appendChild(entry);
            }
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // loop forever
            apps.appendChild(app);
            meta.setFromTree(format, root);
            writer.writeToSequence(new IIOImage(img, null, meta), writer.getDefaultWriteParam());
        }

        @Override
        public void close() throws IOException {
            try {
                if (started) writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
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
