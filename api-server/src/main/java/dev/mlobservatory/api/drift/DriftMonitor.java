package dev.mlobservatory.api.drift;

import dev.mlobservatory.api.model.IrisFeatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per model version and feature, the last {@link #WINDOW} inputs against the training distribution, as a
 * population stability index: PSI = Σ (actual − expected) · ln(actual / expected) over fixed decile bins of the
 * training data, less what sampling noise alone reads (see {@link #psi(ReferenceBins, double[][], int)}). Below 0.1
 * the inputs look like training; above 0.2 they have shifted (the usual rule of thumb).
 */
public final class DriftMonitor {

    /** Recent inputs per version: enough for stable decile shares, few enough to react within a minute of traffic. */
    public static final int WINDOW = 500;
    /**
     * No index is reported until this many inputs arrived. Measured on the console's training-like traffic over 200
     * seeds (PsiNoise, DriftNoiseTest), the corrected index of the worst feature reaches 0.58 at 100 inputs (empty
     * bins and chance) and 0.14 at 200, but stays under 0.1 from 300 on.
     */
    public static final int MIN_SAMPLES = 300;
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

    /**
     * The reported index: the plain PSI minus what it reads on average when nothing has drifted, never below 0.
     * Between two samples of one distribution, of n inputs and m training values, PSI is close to a chi-square
     * statistic with (bins − 1) degrees of freedom times (1/n + 1/m), so its mean is (bins − 1)(1/n + 1/m): for 10
     * bins, 300 inputs and 105 training flowers 0.116, more than half the alert threshold before anything changed.
     * The training side counts: its 105 flowers are a sample too, and flowers of the same species read 0.02–0.05
     * against them however many are sent.
     */
    static double psi(ReferenceBins reference, double[][] recent, int feature) {
        double bias = (reference.size() - 1) * (1.0 / recent.length + 1.0 / reference.trainingSize());
        return Math.max(0, rawPsi(reference, recent, feature) - bias);
    }

    /** The plain population stability index of {@code recent} against {@code reference}. */
    static double rawPsi(ReferenceBins reference, double[][] recent, int feature) {
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
