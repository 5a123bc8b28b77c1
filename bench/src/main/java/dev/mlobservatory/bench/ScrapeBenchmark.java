package dev.mlobservatory.bench;

import dev.mlobservatory.api.model.ModelCatalog;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code GET /metrics} after traffic, as {@code MetricsEndpoint} serves it: the writer the {@code Accept} header
 * picks, the registry's snapshot (callbacks included: CPU, memory, JVM, drift PSI), the body in memory. The
 * {@code protobuf} case is Prometheus 3 with native histograms on: classic and native buckets in one body.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ScrapeBenchmark {

    /** Prometheus's classic text format: what curl and a plain {@code Accept} get. */
    static final String TEXT = "text/plain; version=0.0.4";
    /** The {@code Accept} header Prometheus 2.x sends by default: it gets OpenMetrics. */
    static final String PROMETHEUS = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    /**
     * The {@code Accept} header Prometheus 3.5.3 sends with {@code --enable-feature=native-histograms} (captured from
     * a real scrape): it gets protobuf, the only format that carries the native buckets.
     */
    static final String PROMETHEUS_NATIVE = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,"
            + "text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

    @Param({"text", "openmetrics", "protobuf"})
    public String format;

    private InstrumentedApi api;
    private ExpositionFormats formats;
    private String accept;

    @Setup(Level.Trial)
    public void setUp() {
        api = new InstrumentedApi(ModelCatalog.trainDefault());
        TrafficFixture.run(api, Flowers.load(1));
        formats = ExpositionFormats.init();
        accept = accept(format);
        // Without the protobuf writer on the classpath findWriter falls back to text, and the protobuf row would
        // silently measure text.
        String served = formats.findWriter(accept).getContentType();
        if (format.equals("protobuf") && !served.startsWith("application/vnd.google.protobuf")) {
            throw new IllegalStateException("protobuf asked for, but the writer found serves " + served);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        api.close();
    }

    static String accept(String format) {
        return switch (format) {
            case "text" -> TEXT;
            case "openmetrics" -> PROMETHEUS;
            case "protobuf" -> PROMETHEUS_NATIVE;
            default -> throw new IllegalArgumentException(
                    "format must be text, openmetrics or protobuf, got " + format);
        };
    }

    @Benchmark
    public byte[] scrape() throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        writer.write(out, api.registry.scrape());
        return out.toByteArray();
    }
}
