package dev.mlobservatory.console.traffic;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Builds request bodies: realistic flowers drawn around the three Iris classes, optionally drifted,
 * and, at the error ratio, deliberately invalid bodies of several kinds.
 */
public final class FlowerGenerator {

    /** Kinds of invalid request, each rejected by the API with a 400. */
    public enum ErrorKind { MALFORMED_JSON, MISSING_FIELD, OUT_OF_RANGE }

    /** One body to send. {@code error} is null for a valid flower. */
    public record Body(byte[] json, ErrorKind error) {
    }

    static final String[] FEATURES = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
    static final String[] CLASSES = {"setosa", "versicolor", "virginica"};
    /** Per class and feature, mean and sample standard deviation of data/iris.csv (a test recomputes them). */
    static final double[][] MEAN = {
        {5.006, 3.428, 1.462, 0.246},
        {5.936, 2.770, 4.260, 1.326},
        {6.588, 2.974, 5.552, 2.026}};
    static final double[][] STD = {
        {0.352, 0.379, 0.174, 0.105},
        {0.516, 0.314, 0.470, 0.198},
        {0.636, 0.322, 0.552, 0.275}};
    /** Standard deviation of each feature over all 150 flowers: the unit of drift. */
    static final double[] GLOBAL_STD = {0.828, 0.436, 1.765, 0.762};
    /** Smallest generated measurement: a Gaussian tail must not produce a negative (invalid) flower. */
    static final double MIN_CM = 0.1;

    /**
     * A body for one request. Valid flowers: a class drawn uniformly, each feature Gaussian around the class
     * mean, then shifted by {@code drift} global standard deviations.
     */
    public Body next(RandomGenerator random, double errorRatio, double drift) {
        if (errorRatio > 0 && random.nextDouble() < errorRatio) {
            ErrorKind kind = ErrorKind.values()[random.nextInt(ErrorKind.values().length)];
            return new Body(invalid(kind, random).getBytes(StandardCharsets.UTF_8), kind);
        }
        double[] f = flower(random, drift);
        return new Body(json(f).getBytes(StandardCharsets.UTF_8), null);
    }

    static double[] flower(RandomGenerator random, double drift) {
        int c = random.nextInt(CLASSES.length);
        double[] f = new double[FEATURES.length];
        for (int i = 0; i < f.length; i++) {
            double v = MEAN[c][i] + STD[c][i] * random.nextGaussian() + drift * GLOBAL_STD[i];
            f[i] = Math.max(MIN_CM, Math.round(v * 10) / 10.0);
        }
        return f;
    }

    static String json(double[] f) {
        return String.format(Locale.ROOT,
                "{\"sepal_length\":%.1f,\"sepal_width\":%.1f,\"petal_length\":%.1f,\"petal_width\":%.1f}",
                f[0], f[1], f[2], f[3]);
    }

    private static String invalid(ErrorKind kind, RandomGenerator random) {
        return switch (kind) {
            case MALFORMED_JSON -> "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":";
            case MISSING_FIELD -> "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4}";
            case OUT_OF_RANGE -> random.nextBoolean()
                    ? "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":-1.4,\"petal_width\":0.2}"
                    : "{\"sepal_length\":510,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";
        };
    }
}
