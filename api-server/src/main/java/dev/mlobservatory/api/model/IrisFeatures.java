package dev.mlobservatory.api.model;

import java.util.List;

/** One flower's four measurements in centimetres, already validated by the HTTP layer. */
public record IrisFeatures(double sepalLength, double sepalWidth, double petalLength, double petalWidth) {

    /** Feature names as they appear in the CSV header, the JSON body and the trained models. */
    public static final List<String> NAMES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");

    /** Largest accepted measurement: no flower has a 1 m petal, so anything above is a unit or typing error. */
    public static final double MAX_CM = 100.0;

    public IrisFeatures {
        check("sepal_length", sepalLength);
        check("sepal_width", sepalWidth);
        check("petal_length", petalLength);
        check("petal_width", petalWidth);
    }

    private static void check(String name, double value) {
        if (!Double.isFinite(value) || value < 0 || value > MAX_CM) {
            throw new IllegalArgumentException(name + " must be a finite number of centimetres in [0, "
                    + MAX_CM + "], got " + value);
        }
    }

    /** Values in the order of {@link #NAMES}. */
    public double[] toArray() {
        return new double[] {sepalLength, sepalWidth, petalLength, petalWidth};
    }
}
