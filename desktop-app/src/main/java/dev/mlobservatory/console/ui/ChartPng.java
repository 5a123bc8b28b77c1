package dev.mlobservatory.console.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * A chart's picture as a PNG file: the pixels (taken on the FX thread by {@link SaveChart#capture}), written on any
 * thread to a temporary file beside the target and then moved over it, so a failure leaves no half-written file.
 */
public final class ChartPng {

    /** At most this much of a title goes into a file name: the time after it must stay visible in a file list. */
    static final int NAME_CHARS = 48;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** A picture's pixels, row by row, each 0xAARRGGBB (as JavaFX's {@code PixelFormat.getIntArgbInstance()}). */
    public record Pixels(int width, int height, int[] argb) {
        public Pixels {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("a picture needs a size, got " + width + "×" + height
                        + " (is the chart shown?)");
            }
            if (argb == null || argb.length != width * height) {
                throw new IllegalArgumentException("a " + width + "×" + height + " picture needs " + width * height
                        + " pixels, got " + (argb == null ? "none" : argb.length));
            }
        }
    }

    private ChartPng() {
    }

    /**
     * Writes {@code pixels} as a PNG to {@code target}, replacing a file there. The PNG goes to a hidden temporary
     * file in the same folder first and is moved to {@code target} only when complete; the temporary file is
     * removed after any failure.
     *
     * @throws IOException when the folder cannot be written or the file cannot be replaced; see {@link #failure}
     */
    public static void write(Pixels pixels, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        // Opaque pixels (the snapshot is filled with the chart's background): RGB makes a smaller file than ARGB.
        BufferedImage image = new BufferedImage(pixels.width(), pixels.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, pixels.width(), pixels.height(), pixels.argb(), 0, pixels.width());
        // Not Files.createTempFile: its file is owner-only (0600), and the move keeps that; a chart saved for a
        // shared folder must be readable like any file the user makes.
        Path temp = Files.createFile(folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part"));
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("this Java has no PNG writer");
                }
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * A file name for a chart saved now: its title made file-safe, then the time, e.g.
     * {@code latency-p50-p95-p99-20261129-140312.png}; just {@code chart-…} for no title.
     */
    public static String fileName(String title, LocalDateTime now) {
        String slug = (title == null ? "" : title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > NAME_CHARS) {
            slug = slug.substring(0, NAME_CHARS).replaceAll("-+$", "");
        }
        return (slug.isEmpty() ? "chart" : slug) + "-" + STAMP.format(now) + ".png";
    }

    /** What to tell the user when writing {@code target} failed: what went wrong, in words, without a stack trace. */
    public static String failure(Path target, Exception e) {
        Path folder = target.toAbsolutePath().getParent();
        // The folder's state says it more plainly than the exception, whose type varies by system (ENOTDIR is a
        // plain FileSystemException on Linux).
        String why;
        if (!Files.exists(folder)) {
            why = "the folder " + folder + " does not exist. Pick another folder.";
        } else if (!Files.isDirectory(folder)) {
            why = folder + " is not a folder. Pick another folder.";
        } else if (Files.isDirectory(target)) {
            why = target + " is a folder. Pick another name.";
        } else if (e instanceof AccessDeniedException || !Files.isWritable(folder)) {
            why = "no permission to write in " + folder + ". Pick another folder.";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason() + " (" + target + ").";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Could not save the chart: " + why;
    }
}
