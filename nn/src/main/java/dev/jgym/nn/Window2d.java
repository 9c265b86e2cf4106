package dev.jgym.nn;

/**
 * The geometry of a 2-D sliding window (convolution or pooling) over one example of
 * {@code channels} planes of {@code height x width}, row-major, channel first (NCHW, so an example
 * is {@code channels * height * width} consecutive floats of a {@code [batch, ...]} tensor).
 *
 * <p>Output size per axis (as PyTorch's Conv2d/MaxPool2d): {@code (in + 2 padding - dilation (kernel - 1) - 1) / stride + 1}.
 * Padding is symmetric; stride and dilation are the same on both axes; the kernel may be rectangular.
 */
public record Window2d(int channels, int height, int width, int kernelH, int kernelW, int stride, int padding, int dilation) {

    public Window2d {
        if (channels < 1 || height < 1 || width < 1) throw new IllegalArgumentException("window: channels, height and width must be positive: " + channels + "x" + height + "x" + width);
        if (kernelH < 1 || kernelW < 1 || stride < 1 || dilation < 1 || padding < 0) {
            throw new IllegalArgumentException("window: kernel, stride, dilation must be positive and padding >= 0: kernel " + kernelH + "x" + kernelW
                    + ", stride " + stride + ", padding " + padding + ", dilation " + dilation);
        }
        if ((height + 2 * padding - dilation * (kernelH - 1) - 1) < 0 || (width + 2 * padding - dilation * (kernelW - 1) - 1) < 0) {
            throw new IllegalArgumentException("window: a " + kernelH + "x" + kernelW + " kernel (dilation " + dilation + ", padding " + padding
                    + ") does not fit a " + height + "x" + width + " input");
        }
    }

    /** A square kernel. */
    public static Window2d square(int channels, int height, int width, int kernel, int stride, int padding, int dilation) {
        return new Window2d(channels, height, width, kernel, kernel, stride, padding, dilation);
    }

    public int outHeight() {
        return (height + 2 * padding - dilation * (kernelH - 1) - 1) / stride + 1;
    }

    public int outWidth() {
        return (width + 2 * padding - dilation * (kernelW - 1) - 1) / stride + 1;
    }

    /** Floats per input example: channels x height x width. */
    public int inSize() {
        return channels * height * width;
    }

    /** Output positions per plane. */
    public int outPlane() {
        return outHeight() * outWidth();
    }

    /** Rows of the im2col matrix: channels x kernelH x kernelW (a convolution's fan-in). */
    public int patchSize() {
        return channels * kernelH * kernelW;
    }
}
