package dev.mlobservatory.bench;

import dev.mlobservatory.api.model.IrisData;
import dev.mlobservatory.api.model.IrisFeatures;
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

    private final List<IrisFeatures> all;

    private Flowers(List<IrisFeatures> all) {
        this.all = List.copyOf(all);
    }

    /** The data set in an order fixed by {@code seed}, so every run sends the same sequence. */
    public static Flowers load(long seed) {
        List<IrisFeatures> rows = new ArrayList<>();
        for (IrisData.Flower flower : IrisData.flowers()) {
            rows.add(flower.features());
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
