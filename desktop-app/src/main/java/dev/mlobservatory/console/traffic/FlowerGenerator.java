package dev.mlobservatory.console.traffic;

import dev.mlobservatory.api.model.IrisData;
import dev.mlobservatory.api.model.IrisFeatures;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Builds request bodies: realistic flowers drawn from the Iris data with measurement noise, optionally drifted,
 * and, at the error ratio, deliberately invalid bodies of several kinds.
 */
public final class FlowerGenerator {

    /** Kinds of invalid request, each rejected by the API with a 400. */
    public enum ErrorKind { MALFORMED_JSON, MISSING_FIELD, OUT_OF_RANGE }

    /** One body to send. {@code error} is null for a valid flower. */
    public record Body(byte[] json, ErrorKind error) {
    }

    /**
     * The 150 flowers of data/iris.csv, read by the API's own parser: generated flowers are drawn from them, so the
     * traffic looks like the training data to the API's drift index (PSI near 0) until drift is asked for.
     * Measurements in the order of {@link IrisFeatures#NAMES}.
     */
    static final double[][] IRIS = IrisData.flowers().stream()
            .map(f -> f.features().toArray())
            .toArray(double[][]::new);
    /** Standard deviation of each feature over all 150 flowers: the unit of drift. */
    static final double[] GLOBAL_STD = {0.828, 0.436, 1.765, 0.762};
    /** Measurement noise added to a drawn flower, in cm: half the data's 0.1 cm resolution. */
    static final double JITTER_CM = 0.05;
    /** Smallest generated measurement: a Gaussian tail must not produce a negative (invalid) flower. */
    static final double MIN_CM = 0.1;

    /**
     * A body for one request. Valid flowers: a real Iris flower drawn at random, each measurement with a little
     * Gaussian noise, then shifted by {@code drift} global standard deviations.
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
        double[] row = IRIS[random.nextInt(IRIS.length)];
        double[] f = new double[row.length];
        for (int i = 0; i < f.length; i++) {
            double v = row[i] + JITTER_CM * random.nextGaussian() + drift * GLOBAL_STD[i];
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
