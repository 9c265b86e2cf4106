package dev.jgym.nn.opencl;

/**
 * Host-device copies an {@link OpenClBackend} made since it opened: uploads (host to device,
 * a tensor's values sent before a kernel reads them) and downloads (device to host: a tensor
 * for {@code toHost}, or the few partial sums behind a loss value, a norm or an argmax).
 */
public record TransferStats(long uploads, long uploadedBytes, long downloads, long downloadedBytes) {

    /** The copies made between {@code earlier} and this. */
    public TransferStats minus(TransferStats earlier) {
        return new TransferStats(uploads - earlier.uploads, uploadedBytes - earlier.uploadedBytes,
                downloads - earlier.downloads, downloadedBytes - earlier.downloadedBytes);
    }
}
