package dev.jgym.nn.data;

import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the IDX format of LeCun's MNIST files: a big-endian magic {@code 0x0000TTDD} (TT the
 * element type, 0x08 unsigned bytes; DD the number of dimensions), DD big-endian int32 sizes,
 * then the elements row-major. Only unsigned-byte files (all of MNIST's) are supported.
 */
public final class IdxReader {
    private IdxReader() {}

    /** An IDX array of unsigned bytes. */
    public record Idx(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        /** Elements per item: the product of the dimensions after the first. */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) s *= dims[i];
            return s;
        }
    }

    public static Idx read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length < 4) throw new UserError(file + ": not an IDX file (" + bytes.length + " bytes)");
        int magic = buf.getInt();
        int type = (magic >>> 8) & 0xff, nd = magic & 0xff;
        if ((magic >>> 16) != 0 || nd < 1) throw new UserError(file + ": not an IDX file (magic 0x" + Integer.toHexString(magic) + ")");
        if (type != 0x08) throw new UserError(file + ": IDX element type 0x" + Integer.toHexString(type) + " not supported, expected 0x08 (unsigned byte)");
        if (bytes.length < 4 + 4 * nd) throw new UserError(file + ": truncated IDX header");
        int[] dims = new int[nd];
        long count = 1;
        for (int i = 0; i < nd; i++) {
            dims[i] = buf.getInt();
            if (dims[i] < 0) throw new UserError(file + ": negative IDX dimension " + dims[i]);
            count *= dims[i];
        }
        long expected = 4L + 4L * nd + count;
        if (bytes.length != expected) {
            throw new UserError(file + ": IDX header says " + count + " elements (" + expected + " bytes), file has " + bytes.length + " bytes");
        }
        byte[] data = new byte[(int) count];
        buf.get(data);
        return new Idx(dims, data);
    }
}
