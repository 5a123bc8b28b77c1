package dev.mlobservatory.bench;

import dev.mlobservatory.api.model.IrisFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * The 150 real Iris flowers the API trains on (read from its own resource), in a seeded shuffled order, and the
 * request bodies made from them: benchmark inputs cover every class and every path through the trees.
 */
public final class Flowers {

    private static final String RESOURCE = "/data/iris.csv";

    private final List<IrisFeatures> all;

    private Flowers(List<IrisFeatures> all) {
        this.all = List.copyOf(all);
    }

    /** The data set in an order fixed by {@code seed}, so every run sends the same sequence. */
    public static Flowers load(long seed) {
        String text;
        try (InputStream in = IrisFeatures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: is api-server on the classpath?");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        List<IrisFeatures> rows = new ArrayList<>();
        String[] lines = text.strip().split("\\R");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].strip().split(",");
            rows.add(new IrisFeatures(Double.parseDouble(c[0]), Double.parseDouble(c[1]),
                    Double.parseDouble(c[2]), Double.parseDouble(c[3])));
        }
        Collections.shuffle(rows, new Random(seed));
        return new Flowers(rows);
    }

    public int size() {
        return all.size();
    }

    public IrisFeatures get(int i) {
        return all.get(Math.floorMod(i, all.size()));
    }

    /** {@code {"sepal_length":…,…}}: one flower, as a client sends it. */
    public byte[] singleBody(int i) {
        return object(get(i)).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code {"instances":[…]}} of {@code rows} flowers starting at flower {@code from}, wrapping around. */
    public byte[] batchBody(int from, int rows) {
        StringJoiner instances = new StringJoiner(",", "{\"instances\":[", "]}");
        for (int r = 0; r < rows; r++) {
            instances.add(object(get(from + r)));
        }
        return instances.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String object(IrisFeatures f) {
        return "{\"sepal_length\":" + f.sepalLength() + ",\"sepal_width\":" + f.sepalWidth()
                + ",\"petal_length\":" + f.petalLength() + ",\"petal_width\":" + f.petalWidth() + "}";
    }
}
