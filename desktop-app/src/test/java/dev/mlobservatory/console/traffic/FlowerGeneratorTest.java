package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.model.IrisData;
import dev.mlobservatory.api.model.IrisSampler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FlowerGeneratorTest {

    @Test
    void generatedFlowersHaveTheStatisticsOfTheShippedIrisData() {
        List<double[]> all = IrisData.flowers().stream().map(f -> f.features().toArray()).toList();
        List<double[]> generated = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            generated.add(IrisSampler.flower(random, 0));
        }
        for (int f = 0; f < 4; f++) {
            assertThat(std(all, f)).isCloseTo(IrisSampler.GLOBAL_STD[f], within(0.001));
            assertThat(mean(generated, f)).as("mean of feature " + f).isCloseTo(mean(all, f), within(0.03));
            assertThat(std(generated, f)).as("std of feature " + f).isCloseTo(std(all, f), within(0.03));
        }
    }

    @Test
    void driftShiftsEveryFeatureByThatManyStandardDeviations() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 20_000;
        double[] plain = new double[4];
        double[] drifted = new double[4];
        for (int i = 0; i < n; i++) {
            double[] a = IrisSampler.flower(random, 0);
            double[] b = IrisSampler.flower(random, 1.0);
            for (int f = 0; f < 4; f++) {
                plain[f] += a[f] / n;
                drifted[f] += b[f] / n;
            }
        }
        for (int f = 0; f < 4; f++) {
            assertThat(drifted[f] - plain[f]).as("feature " + f).isCloseTo(IrisSampler.GLOBAL_STD[f], within(0.05));
        }
    }

    @Test
    void generatedFlowersAreValidAndPredictedAcrossAllClasses() {
        FlowerGenerator generator = new FlowerGenerator();
        SplittableRandom random = new SplittableRandom(3);
        try (TestApi api = new TestApi()) {
            java.util.Set<String> classes = new java.util.HashSet<>();
            for (int i = 0; i < 60; i++) {
                FlowerGenerator.Body body = generator.next(random, 0, 0);
                assertThat(body.error()).isNull();
                var response = api.postJson("/v1/predict", new String(body.json(), StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                classes.add(TestApi.json(response).get("prediction").asText());
            }
            assertThat(classes).containsExactlyInAnyOrder("setosa", "versicolor", "virginica");
        }
    }

    @Test
    void everyKindOfInvalidRequestIsRejectedByTheApi() {
        FlowerGenerator generator = new FlowerGenerator();
        SplittableRandom random = new SplittableRandom(5);
        EnumSet<FlowerGenerator.ErrorKind> seen = EnumSet.noneOf(FlowerGenerator.ErrorKind.class);
        try (TestApi api = new TestApi()) {
            for (int i = 0; i < 60; i++) {
                FlowerGenerator.Body body = generator.next(random, 1.0, 0);
                seen.add(body.error());
                var response = api.postJson("/v2/predict", new String(body.json(), StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(body.error() + " " + response.body()).isEqualTo(400);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FlowerGenerator.ErrorKind.values());
    }

    private static double mean(List<double[]> rows, int f) {
        return rows.stream().mapToDouble(r -> r[f]).average().orElseThrow();
    }

    private static double std(List<double[]> rows, int f) {
        double m = mean(rows, f);
        double ss = rows.stream().mapToDouble(r -> (r[f] - m) * (r[f] - m)).sum();
        return Math.sqrt(ss / (rows.size() - 1));
    }
}
