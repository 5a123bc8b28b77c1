package dev.mlobservatory.console.traffic;

import dev.mlobservatory.api.model.IrisSampler;
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
     * A body for one request. Valid flowers: a real Iris flower drawn at random, each measurement with a little
     * Gaussian noise, then shifted by {@code drift} global standard deviations.
     */
    public Body next(RandomGenerator random, double errorRatio, double drift) {
        if (errorRatio > 0 && random.nextDouble() < errorRatio) {
            ErrorKind kind = ErrorKind.values()[random.nextInt(ErrorKind.values().length)];
            return new Body(invalid(kind, random).getBytes(StandardCharsets.UTF_8), kind);
        }
        double[] f = IrisSampler.flower(random, drift);
        return new Body(json(f).getBytes(StandardCharsets.UTF_8), null);
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
