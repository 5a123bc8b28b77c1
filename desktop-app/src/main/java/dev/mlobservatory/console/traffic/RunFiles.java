package dev.mlobservatory.console.traffic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CLI's result files: the per-second rows as CSV and the run's summary as JSON. Each is written to a temporary
 * file beside its target and moved into place once complete, so a reader never sees half a file, and an
 * interrupted run leaves no file that looks finished.
 */
final class RunFiles {

    static final String CSV_HEADER = "second,seconds,target_rate,sent,achieved_rate,ok,http_4xx,http_5xx,"
            + "network_error,dropped,p50_ms,p95_ms,p99_ms,max_ms";

    private RunFiles() {
    }

    /**
     * A temporary file in {@code target}'s folder, created now so a missing or read-only folder is reported before
     * the run starts.
     *
     * @throws IOException with a one-line message naming the folder
     */
    static Path temporaryBeside(Path target, String option) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new IOException(option + ": " + absolute + " is a folder; give a file name");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException(option + ": folder " + folder + " does not exist");
        }
        try {
            Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            // Also gone after Ctrl+C; once moved into place there is nothing left to delete.
            temporary.toFile().deleteOnExit();
            return temporary;
        } catch (AccessDeniedException e) {
            throw new IOException(option + ": cannot write in folder " + folder + " (permission denied)", e);
        } catch (NoSuchFileException e) {
            throw new IOException(option + ": folder " + folder + " does not exist", e);
        } catch (IOException e) {
            throw new IOException(option + ": cannot write in folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Moves the complete temporary file onto {@code target}, atomically where the file system can. */
    static void commit(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Appends snapshot rows to a temporary CSV file as the run goes; {@link #commit} puts it in place. */
    static final class Csv implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final BufferedWriter out;
        private double written;

        Csv(Path target) throws IOException {
            this.target = target;
            this.temporary = temporaryBeside(target, "--csv");
            this.out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
            out.write(CSV_HEADER);
            out.newLine();
        }

        /** Writes the snapshots after the last one written: every one, the short last interval included. */
        void append(Iterable<TrafficSnapshot> history) throws IOException {
            for (TrafficSnapshot s : history) {
                if (s.second() > written) {
                    out.write(row(s));
                    out.newLine();
                    written = s.second();
                }
            }
        }

        void commit() throws IOException {
            out.close();
            RunFiles.commit(temporary, target);
        }

        /** Removes the temporary file if the run ended before {@link #commit}. */
        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(temporary);
        }
    }

    static String row(TrafficSnapshot s) {
        return String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%d,%.3f,%d,%d,%d,%d,%d,%s,%s,%s,%s",
                s.second(), s.seconds(), s.targetRate(), s.sent(), s.achievedRate(), s.ok(), s.clientErrors(),
                s.serverErrors(), s.transportErrors(), s.dropped(),
                csvMs(s.p50Ms()), csvMs(s.p95Ms()), csvMs(s.p99Ms()), csvMs(s.maxMs()));
    }

    private static String csvMs(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The run's summary, by the outcome names of {@code loadgen_requests_total}. */
    static Map<String, Object> summary(TrafficSnapshot total, double cpuPercent) {
        Map<String, Object> outcomes = new LinkedHashMap<>();
        outcomes.put("ok", total.ok());
        outcomes.put("http_4xx", total.clientErrors());
        outcomes.put("http_5xx", total.serverErrors());
        outcomes.put("network_error", total.transportErrors());
        outcomes.put("dropped", total.dropped());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", jsonMs(total.p50Ms()));
        latency.put("p95", jsonMs(total.p95Ms()));
        latency.put("p99", jsonMs(total.p99Ms()));
        latency.put("max", jsonMs(total.maxMs()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sent", total.sent());
        json.put("achieved_rate", round(total.achievedRate()));
        json.put("target_rate", total.targetRate());
        json.put("duration_s", round(total.seconds()));
        json.put("outcomes", outcomes);
        json.put("latency_ms", latency);
        json.put("latency_from", "intended start");
        json.put("engine_cpu_percent", round(cpuPercent));
        return json;
    }

    /** Writes the summary JSON to a temporary file beside {@code target}, then moves it into place. */
    static void writeSummary(Path temporary, Path target, TrafficSnapshot total, double cpuPercent) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(temporary.toFile(), summary(total, cpuPercent));
        commit(temporary, target);
    }

    /** Null for "no value" (nothing answered): JSON has no NaN. */
    private static Double jsonMs(double v) {
        return Double.isNaN(v) ? null : round(v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
