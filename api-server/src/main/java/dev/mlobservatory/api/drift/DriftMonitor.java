package dev.mlobservatory.api.drift;

import dev.mlobservatory.api.model.IrisFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per model version and feature, the last {@link #WINDOW} inputs against the training distribution, as a
 * population stability index: PSI = Σ (actual − expected) · ln(actual / expected) over fixed decile bins of the
 * training data. Below 0.1 the inputs look like training; above 0.2 they have shifted (the usual rule of thumb).
 */
public final class DriftMonitor {

    /** Recent inputs per version: enough for stable decile shares, few enough to react within a minute of traffic. */
    public static final int WINDOW = 500;
    /** No index is reported until this many inputs arrived: with fewer, sampling noise alone reads as drift. */
    public static final int MIN_SAMPLES = 100;
    /** Floor of a bin's share, so an empty bin costs a large but finite amount instead of ln(0). */
    static final double EPSILON = 1e-4;

    private final List<ReferenceBins> bins;
    private final Map<String, Window> windows = new HashMap<>();

    /**
     * @param training training values per feature, in the order of {@link IrisFeatures#NAMES}
     * @param versions the model versions to watch
     */
    public DriftMonitor(List<double[]> training, List<String> versions) {
        if (training.size() != IrisFeatures.NAMES.size()) {
            throw new IllegalArgumentException("need training values for " + IrisFeatures.NAMES.size()
                    + " features, got " + training.size());
        }
        this.bins = training.stream().map(ReferenceBins::fromTraining).toList();
        for (String v : versions) {
            windows.put(v, new Window(IrisFeatures.NAMES.size()));
        }
    }

    /** Records one input to {@code version} (a valid flower, answered or not). */
    public void observe(String version, IrisFeatures features) {
        Window w = windows.get(version);
        if (w != null) {
            w.add(features.toArray());
        }
    }

    /** PSI of every feature of {@code version}, in the order of {@link IrisFeatures#NAMES}; null below MIN_SAMPLES. */
    public double[] psi(String version) {
        Window w = windows.get(version);
        if (w == null) {
            return null;
        }
        double[][] recent = w.snapshot();
        if (recent.length < MIN_SAMPLES) {
            return null;
        }
        double[] out = new double[bins.size()];
        for (int f = 0; f < out.length; f++) {
            out[f] = psi(bins.get(f), recent, f);
        }
        return out;
    }

    static double psi(ReferenceBins reference, double[][] recent, int feature) {
        double[] counts = new double[reference.size()];
        for (double[] row : recent) {
            counts[reference.bin(row[feature])]++;
        }
        double sum = 0;
        for (int b = 0; b < counts.length; b++) {
            double actual = Math.max(counts[b] / recent.length, EPSILON);
            double expected = Math.max(reference.expected(b), EPSILON);
            sum += (actual - expected) * Math.log(actual / expected);
        }
        return sum;
    }

    public List<String> versions() {
        return List.copyOf(windows.keySet());
    }

    /** A ring of the last WINDOW rows; writers are request threads, the reader is the scrape. */
    private static final class Window {
        private final double[][] rows = new double[WINDOW][];
        private int next;
        private int count;

        Window(int features) {
            for (int i = 0; i < WINDOW; i++) {
                rows[i] = new double[features];
            }
        }

        synchronized void add(double[] values) {
            System.arraycopy(values, 0, rows[next], 0, values.length);
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        }

        synchronized double[][] snapshot() {
            double[][] copy = new double[count][];
            for (int i = 0; i < count; i++) {
                copy[i] = rows[i].clone();
            }
            return copy;
        }
    }
}
