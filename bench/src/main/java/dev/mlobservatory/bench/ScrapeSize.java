package dev.mlobservatory.bench;

import dev.mlobservatory.api.model.ModelCatalog;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints what {@link ScrapeBenchmark} scrapes: body size, samples and metric families per format, and for protobuf
 * the native buckets per histogram series, after the same traffic.
 * {@code java -cp bench/target/benchmarks.jar dev.mlobservatory.bench.ScrapeSize [--dump text|openmetrics|protobuf]}
 */
public final class ScrapeSize {

    private ScrapeSize() {
    }

    public static void main(String[] args) throws IOException {
        try (InstrumentedApi api = new InstrumentedApi(ModelCatalog.trainDefault())) {
            TrafficFixture.run(api, Flowers.load(1));
            ExpositionFormats formats = ExpositionFormats.init();
            if (args.length == 2 && args[0].equals("--dump")) {
                System.out.write(body(formats, ScrapeBenchmark.accept(args[1]), api));
                System.out.flush();
                return;
            }
            for (String format : new String[] {"text", "openmetrics"}) {
                byte[] body = body(formats, ScrapeBenchmark.accept(format), api);
                long samples = 0;
                long families = 0;
                for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("# TYPE ")) {
                        families++;
                    } else if (!line.isEmpty() && !line.startsWith("#")) {
                        samples++;
                    }
                }
                System.out.printf("scrape-size format=%s bytes=%d samples=%d families=%d%n",
                        format, body.length, samples, families);
            }
            protobuf(body(formats, ScrapeBenchmark.accept("protobuf"), api));
        }
    }

    /**
     * The protobuf body read back as Prometheus reads it: families, and per histogram the native buckets each
     * series carries (the spans' lengths, which is what Prometheus stores per sample).
     */
    private static void protobuf(byte[] body) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        Map<String, List<Integer>> bucketsByFamily = new TreeMap<>();
        Map<String, List<Integer>> populatedByFamily = new TreeMap<>();
        long families = 0;
        long series = 0;
        Metrics.MetricFamily family;
        while ((family = Metrics.MetricFamily.parseDelimitedFrom(in)) != null) {
            families++;
            series += family.getMetricCount();
            for (Metrics.Metric metric : family.getMetricList()) {
                if (metric.hasHistogram() && metric.getHistogram().hasSchema()) {
                    Metrics.Histogram h = metric.getHistogram();
                    bucketsByFamily.computeIfAbsent(family.getName(), n -> new ArrayList<>())
                            .add(h.getPositiveDeltaCount() + h.getNegativeDeltaCount());
                    populatedByFamily.computeIfAbsent(family.getName(), n -> new ArrayList<>())
                            .add(nonEmpty(h.getPositiveDeltaList()) + nonEmpty(h.getNegativeDeltaList()));
                }
            }
        }
        List<Integer> all = new ArrayList<>();
        bucketsByFamily.values().forEach(all::addAll);
        List<Integer> allPopulated = new ArrayList<>();
        populatedByFamily.values().forEach(allPopulated::addAll);
        System.out.printf("scrape-size format=protobuf bytes=%d series=%d families=%d native_series=%d %s %s%n",
                body.length, series, families, all.size(), spread("native_buckets", all),
                spread("populated", allPopulated));
        bucketsByFamily.forEach((name, counts) -> System.out.printf(
                "native-buckets family=%s native_series=%d %s %s%n", name, counts.size(),
                spread("native_buckets", counts), spread("populated", populatedByFamily.get(name))));
    }

    /**
     * Buckets that hold observations: the writer also sends empty buckets to bridge short gaps between spans
     * (cheaper than a new span), so the encoded count is the larger one.
     */
    private static int nonEmpty(List<Long> deltas) {
        long count = 0;
        int nonEmpty = 0;
        for (long delta : deltas) {
            count += delta;
            if (count != 0) {
                nonEmpty++;
            }
        }
        return nonEmpty;
    }

    /** {@code <key>_min=… <key>_median=… <key>_max=… <key>_total=…} over the series' counts. */
    private static String spread(String key, List<Integer> counts) {
        if (counts.isEmpty()) {
            return key + "_total=0";
        }
        List<Integer> sorted = new ArrayList<>(counts);
        Collections.sort(sorted);
        long total = sorted.stream().mapToLong(Integer::longValue).sum();
        return String.format("%s_min=%d %s_median=%d %s_max=%d %s_total=%d", key, sorted.get(0),
                key, sorted.get(sorted.size() / 2), key, sorted.get(sorted.size() - 1), key, total);
    }

    private static byte[] body(ExpositionFormats formats, String accept, InstrumentedApi api) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        writer.write(out, api.registry.scrape());
        return out.toByteArray();
    }
}
