package dev.mlobservatory.console.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlobservatory.console.ui.ChartPng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a report folder {@code ml-observatory-report-YYYYMMDD-HHMMSS} inside the folder the student chose. All
 * files go to a hidden {@code .partial} folder beside it first, which is renamed only when complete: a failure
 * leaves nothing that looks like a finished report. Blocking: run it on the executor.
 */
public final class ReportWriter {

    /** Told before each step, from the thread that writes. */
    public interface Progress {
        void step(String what);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** The report folder's name for a report made at {@code now}. */
    public static String folderName(LocalDateTime now) {
        return "ml-observatory-report-" + STAMP.format(now);
    }

    /**
     * Writes the report and returns its folder.
     *
     * @param pngs the pictures by file name, as {@link ReportData#pictures()} names them
     * @throws ReportException with a sentence for the student when anything cannot be written
     */
    public static Path write(Path parent, ReportData data, Map<String, ChartPng.Pixels> pngs, LocalDateTime now,
                             Progress progress) throws ReportException {
        Path folder = parent.toAbsolutePath();
        Path target = folder.resolve(folderName(now));
        for (int n = 2; Files.exists(target); n++) {
            target = folder.resolve(folderName(now) + "-" + n); // two exports in one second
        }
        Path partial = folder.resolve("." + target.getFileName() + ".partial");
        try {
            Files.createDirectory(partial);
            progress.step("writing the pictures");
            for (ReportData.Picture p : data.pictures()) {
                ChartPng.Pixels pixels = pngs.get(p.file());
                if (pixels == null) {
                    throw new IllegalArgumentException("no pixels for " + p.file());
                }
                ChartPng.write(pixels, partial.resolve(p.file()));
            }
            progress.step("writing index.html and report.json");
            Files.writeString(partial.resolve("index.html"), ReportHtml.render(data), StandardCharsets.UTF_8);
            JSON.writeValue(partial.resolve("report.json").toFile(), data);
            progress.step("finishing");
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw new ReportException(failure(folder, e), e);
        }
    }

    /** What went wrong, in words, without a stack trace. */
    static String failure(Path folder, Exception e) {
        String why;
        if (!Files.exists(folder)) {
            why = "the folder " + folder + " does not exist. Pick another folder.";
        } else if (!Files.isDirectory(folder)) {
            why = folder + " is not a folder. Pick another folder.";
        } else if (e instanceof AccessDeniedException || !Files.isWritable(folder)) {
            why = "no permission to write in " + folder + ". Pick another folder.";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            why = fs.getReason() + " in " + folder + ".";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Could not write the report: " + why;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the hidden .partial name already says it is not a report
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
