package dev.mlobservatory.api.model;

import java.util.random.RandomGenerator;

/**
 * Flowers like the training data, for test traffic: a real Iris flower drawn at random, each measurement with a
 * little Gaussian noise, rounded to the data's 0.1 cm, optionally shifted by whole global standard deviations. One
 * definition for the console's traffic engine and for the API's drift-noise measurements, so the figures measured
 * on the drift index are figures about the traffic a class sends.
 */
public final class IrisSampler {

    /**
     * The 150 flowers of data/iris.csv, read by {@link IrisData#flowers()}: drawing from them keeps the drift index
     * near 0 until drift is asked for. Measurements in the order of {@link IrisFeatures#NAMES}.
     */
    static final double[][] IRIS = IrisData.flowers().stream()
            .map(f -> f.features().toArray())
            .toArray(double[][]::new);
    /** Standard deviation of each feature over all 150 flowers: the unit of drift. */
    public static final double[] GLOBAL_STD = {0.828, 0.436, 1.765, 0.762};
    /** Measurement noise added to a drawn flower, in cm: half the data's 0.1 cm resolution. */
    public static final double JITTER_CM = 0.05;
    /** Smallest generated measurement: a Gaussian tail must not produce a negative (invalid) flower. */
    public static final double MIN_CM = 0.1;

    private IrisSampler() {
    }

    /** One flower, shifted by {@code drift} global standard deviations on every feature. */
    public static double[] flower(RandomGenerator random, double drift) {
        double[] row = IRIS[random.nextInt(IRIS.length)];
        double[] f = new double[row.length];
        for (int i = 0; i < f.length; i++) {
            double v = row[i] + JITTER_CM * random.nextGaussian() + drift * GLOBAL_STD[i];
            f[i] = Math.max(MIN_CM, Math.round(v * 10) / 10.0);
        }
        return f;
    }
}
