package dev.mlobservatory.bench;

import dev.mlobservatory.api.model.ModelCatalog;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Prints what {@link ScrapeBenchmark} scrapes: body size, samples and metric families per format, after the same
 * traffic. {@code java -cp bench/target/benchmarks.jar dev.mlobservatory.bench.ScrapeSize [--dump text|openmetrics]}
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
        }
    }

    private static byte[] body(ExpositionFormats formats, String accept, InstrumentedApi api) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        writer.write(out, api.registry.scrape());
        return out.toByteArray();
    }
}
