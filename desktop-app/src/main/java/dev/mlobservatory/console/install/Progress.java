package dev.mlobservatory.console.install;

import java.util.Locale;

/**
 * How far an install is: which step, and during the download the bytes so far, the total when the server said it,
 * and the average speed.
 *
 * @param step what is happening
 * @param bytes bytes downloaded so far
 * @param total the archive's size, or -1 when the server did not say
 * @param bytesPerSecond the average since the first byte
 */
public record Progress(Step step, long bytes, long total, double bytesPerSecond) {

    /** The steps of an install, in order. */
    public enum Step { CHECKSUMS, DOWNLOADING, UNPACKING }

    public Progress {
        if (step == null) {
            throw new IllegalArgumentException("step must be given");
        }
        if (bytes < 0 || total < -1 || !(bytesPerSecond >= 0)) {
            throw new IllegalArgumentException("bytes, total and speed must not be negative, got " + bytes + ", "
                    + total + ", " + bytesPerSecond);
        }
    }

    static Progress of(Step step) {
        return new Progress(step, 0, -1, 0);
    }

    /** Between 0 and 1 while the size is known, else -1 (an indeterminate bar). */
    public double fraction() {
        return step == Step.DOWNLOADING && total > 0 ? Math.min(1, (double) bytes / total) : -1;
    }

    /** One line: "Downloading: 12.3 of 110.4 MB (11 %), 5.2 MB/s". */
    public String describe() {
        return switch (step) {
            case CHECKSUMS -> "Reading the release's checksums…";
            case UNPACKING -> "Checksum OK. Unpacking…";
            case DOWNLOADING -> String.format(Locale.ROOT, "Downloading: %s%s, %s/s", megabytes(bytes),
                    total > 0 ? String.format(Locale.ROOT, " of %s (%d %%)", megabytes(total),
                            (int) Math.floor(100 * fraction())) : "",
                    megabytes(bytesPerSecond));
        };
    }

    static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
