package dev.mlobservatory.api.drift;

import dev.mlobservatory.api.model.IrisSampler;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.ModelCatalog;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the drift index behaves on the console's traffic: flowers from {@link IrisSampler}, the very generator the
 * console's FlowerGenerator sends (all 150 rows of the Iris data with 0.05 cm of Gaussian noise, rounded to 0.1 cm,
 * optionally shifted by whole global standard deviations). Per seed one stream of flowers; the index is read after
 * the first n of them, as a freshly started API sees them. {@link #main} prints the table of the README; {@link DriftNoiseTest} asserts on it.
 */
final class PsiNoise {

    /** Fill levels at which the index is read: a freshly started API up to a full window. */
    static final int[] FILLS = {50, 100, 200, 300, 500};

    private final List<ReferenceBins> bins;

    PsiNoise(List<double[]> training) {
        this.bins = training.stream().map(ReferenceBins::fromTraining).toList();
    }

    /**
     * The index of every (seed, feature) after {@code fill} flowers: [feature][seed]. {@code corrected} chooses the
     * reported index ({@link DriftMonitor#psi(ReferenceBins, double[][], int)}) or the plain PSI.
     */
    double[][] indices(int seeds, int fill, double drift, boolean corrected) {
        double[][] out = new double[bins.size()][seeds];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom random = new SplittableRandom(1_000 + s);
            double[][] rows = new double[fill][];
            for (int i = 0; i < fill; i++) {
                rows[i] = IrisSampler.flower(random, drift);
            }
            for (int f = 0; f < bins.size(); f++) {
                out[f][s] = corrected ? DriftMonitor.psi(bins.get(f), rows, f) : DriftMonitor.rawPsi(bins.get(f), rows, f);
            }
        }
        return out;
    }

    /** The q-quantile (nearest rank) of {@code values}. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** Prints, per fill level: clean traffic p99 and max (worst feature), drifted traffic min and median (weakest feature). */
    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        PsiNoise noise = new PsiNoise(ModelCatalog.trainDefault().trainingColumns());
        for (boolean corrected : new boolean[] {false, true}) {
            System.out.println(corrected ? "corrected index" : "plain PSI");
            System.out.println("fill | clean p99 | clean max | 1σ min | 1σ median | 1.5σ min | 1.5σ median   (per feature: "
                    + String.join(",", IrisFeatures.NAMES) + ")");
            for (int fill : FILLS) {
                double[][] clean = noise.indices(seeds, fill, 0, corrected);
                double[][] one = noise.indices(seeds, fill, 1.0, corrected);
                double[][] oneHalf = noise.indices(seeds, fill, 1.5, corrected);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4d", fill));
                line.append(" | ").append(worst(clean, 0.99)).append(" | ").append(worst(clean, 1.0))
                        .append(" | ").append(weakest(one, 0)).append(" | ").append(weakest(one, 0.5))
                        .append(" | ").append(weakest(oneHalf, 0)).append(" | ").append(weakest(oneHalf, 0.5));
                System.out.println(line);
                StringBuilder per = new StringBuilder("     per feature clean p99/max, 1σ min:");
                for (int f = 0; f < clean.length; f++) {
                    per.append(String.format(Locale.ROOT, " %.3f/%.3f %.3f", quantile(clean[f], 0.99),
                            quantile(clean[f], 1.0), quantile(one[f], 0)));
                }
                System.out.println(per);
            }
        }
    }

    private static String worst(double[][] perFeature, double q) {
        return String.format(Locale.ROOT, "%.3f", Arrays.stream(perFeature).mapToDouble(v -> quantile(v, q)).max().orElseThrow());
    }

    private static String weakest(double[][] perFeature, double q) {
        return String.format(Locale.ROOT, "%.3f", Arrays.stream(perFeature).mapToDouble(v -> quantile(v, q)).min().orElseThrow());
    }
}
