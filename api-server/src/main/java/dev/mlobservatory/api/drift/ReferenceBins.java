package dev.mlobservatory.api.drift;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Fixed bins of one feature, cut near the deciles of its training values, with the share of training values in
 * each: the "expected" side of the population stability index. Iris values repeat (many petals are 0.2 cm), so
 * equal cut points collapse and a bin's training share is counted, not assumed to be 10%.
 */
public final class ReferenceBins {

    /** Deciles: the usual PSI choice, fine enough to see a shift, coarse enough for a window of a few hundred. */
    static final int TARGET_BINS = 10;

    private final double[] upperEdges;
    private final double[] expected;
    private final int trainingSize;

    private ReferenceBins(double[] upperEdges, double[] expected, int trainingSize) {
        this.upperEdges = upperEdges;
        this.expected = expected;
        this.trainingSize = trainingSize;
    }

    /** Bins cut at the deciles of {@code training}; the last bin is open above, the first open below. */
    public static ReferenceBins fromTraining(double[] training) {
        if (training.length < TARGET_BINS) {
            throw new IllegalArgumentException("need at least " + TARGET_BINS + " training values, got " + training.length);
        }
        double[] sorted = training.clone();
        Arrays.sort(sorted);
        TreeSet<Double> cuts = new TreeSet<>();
        for (int i = 1; i < TARGET_BINS; i++) {
            double decile = sorted[(int) Math.floor(i * (sorted.length - 1) / (double) TARGET_BINS)];
            // Cut halfway to the next distinct value: the data is recorded to 0.1 cm, so a live 0.21 must land in
            // the same bin as the training's 0.2, or measurement rounding alone would read as drift.
            Double above = nextAbove(sorted, decile);
            if (above != null) {
                cuts.add((decile + above) / 2);
            }
        }
        double[] edges = cuts.stream().mapToDouble(Double::doubleValue).toArray();
        ReferenceBins shape = new ReferenceBins(edges, new double[edges.length + 1], training.length);
        double[] counts = new double[edges.length + 1];
        for (double v : training) {
            counts[shape.bin(v)]++;
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= training.length;
        }
        return new ReferenceBins(edges, counts, training.length);
    }

    private static Double nextAbove(double[] sorted, double value) {
        for (double v : sorted) {
            if (v > value) {
                return v;
            }
        }
        return null;
    }

    /** The bin of {@code value}: the first whose upper edge is at or above it; values above the last edge go last. */
    int bin(double value) {
        int i = Arrays.binarySearch(upperEdges, value);
        return i >= 0 ? i : -i - 1;
    }

    int size() {
        return expected.length;
    }

    /** How many training values the shares were counted from: the expected side is a sample too. */
    int trainingSize() {
        return trainingSize;
    }

    /** Share of training values in bin {@code b}. */
    double expected(int b) {
        return expected[b];
    }

    /** The cut points, for documentation and tests. */
    public double[] upperEdges() {
        return upperEdges.clone();
    }
}
