package dev.mlobservatory.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.model.IrisFeatures;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The PSI reads near 0 for inputs like the training data and above 0.2 once they shift. */
class DriftTest {

    private final List<double[]> training = TestApi.models().trainingColumns();

    /** A flower drawn the way the data is: a training row, each measurement within its 0.1 cm rounding. */
    private IrisFeatures trainingLike(SplittableRandom random, double shiftCm) {
        int row = random.nextInt(training.get(0).length);
        double[] v = new double[4];
        for (int f = 0; f < 4; f++) {
            v[f] = Math.max(0, training.get(f)[row] + random.nextDouble(-0.05, 0.05) + shiftCm);
        }
        return new IrisFeatures(v[0], v[1], v[2], v[3]);
    }

    @Test
    void noIndexUntilEnoughInputs() {
        DriftMonitor drift = new DriftMonitor(training, List.of("v1"));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < DriftMonitor.MIN_SAMPLES - 1; i++) {
            drift.observe("v1", trainingLike(random, 0));
        }
        assertThat(drift.psi("v1")).isNull();
        drift.observe("v1", trainingLike(random, 0));
        assertThat(drift.psi("v1")).hasSize(4);
    }

    @Test
    void trainingLikeInputsStayNearZero() {
        DriftMonitor drift = new DriftMonitor(training, List.of("v1", "v2"));
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 2_000; i++) {
            drift.observe("v1", trainingLike(random, 0));
        }
        double[] psi = drift.psi("v1");
        assertThat(java.util.Arrays.stream(psi).boxed()).as(java.util.Arrays.toString(psi))
                .allSatisfy(p -> assertThat(p).isBetween(0.0, 0.1));
        assertThat(drift.psi("v2")).isNull(); // v2 saw nothing
    }

    @Test
    void shiftedInputsExceedTheAlertThreshold() {
        DriftMonitor drift = new DriftMonitor(training, List.of("v1"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < DriftMonitor.WINDOW; i++) {
            drift.observe("v1", trainingLike(random, 0));
        }
        for (int i = 0; i < DriftMonitor.WINDOW; i++) {
            drift.observe("v1", trainingLike(random, 1.0)); // a centimetre longer everywhere: the window turns over
        }
        assertThat(java.util.Arrays.stream(drift.psi("v1")).boxed()).allSatisfy(psi -> assertThat(psi).isGreaterThan(0.2));
    }

    @Test
    void binsAreDecilesOfTheTrainingValuesWithRepeatsCollapsed() {
        ReferenceBins bins = ReferenceBins.fromTraining(training.get(3)); // petal width: many repeats
        double total = 0;
        for (int b = 0; b < bins.size(); b++) {
            total += bins.expected(b);
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(bins.size()).isBetween(5, 10);
        assertThat(bins.upperEdges()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theApiExposesPsiPerVersionAndFeature() {
        try (TestApi api = new TestApi()) {
            for (int i = 0; i < DriftMonitor.MIN_SAMPLES; i++) {
                api.postJson("/v2/predict", TestApi.flower(5.1 + (i % 7) * 0.1, 3.5, 1.4, 0.2));
            }
            String metrics = api.get("/metrics").body();
            assertThat(metrics).contains("ml_feature_drift_psi{feature=\"petal_width\",model_version=\"v2\"}");
            assertThat(metrics).doesNotContain("ml_feature_drift_psi{feature=\"petal_width\",model_version=\"v1\"}");
        }
    }
}
