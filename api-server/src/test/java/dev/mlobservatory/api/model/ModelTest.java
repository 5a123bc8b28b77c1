package dev.mlobservatory.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void theSplitIsReproducibleAndStratifiedEnough() {
        IrisData a = IrisData.load();
        IrisData b = IrisData.load();

        assertThat(a.train().size()).isEqualTo(105);
        assertThat(a.test().size()).isEqualTo(45);
        assertThat(a.test().getExample(0).getOutput()).isEqualTo(b.test().getExample(0).getOutput());
        assertThat(a.train().getOutputInfo().getDomain()).hasSize(3);
    }

    @Test
    void trainingIsSeededSoAccuracyAndScoresRepeat() {
        ModelCatalog first = ModelCatalog.train(IrisData.load(), List.of(ModelSpec.v1(), ModelSpec.v2()));
        ModelCatalog second = ModelCatalog.train(IrisData.load(), List.of(ModelSpec.v1(), ModelSpec.v2()));
        IrisFeatures border = new IrisFeatures(6.3, 2.8, 5.1, 1.5);

        for (String v : List.of("v1", "v2")) {
            TrainedModel m1 = first.find(v).orElseThrow();
            TrainedModel m2 = second.find(v).orElseThrow();
            assertThat(m1.accuracy()).isEqualTo(m2.accuracy());
            assertThat(m1.predict(border)).isEqualTo(m2.predict(border));
        }
    }

    @Test
    void v2IsAtLeastAsAccurateAsV1OnTheHoldOut() {
        ModelCatalog catalog = ModelCatalog.trainDefault();
        assertThat(catalog.find("v2").orElseThrow().accuracy())
                .isGreaterThanOrEqualTo(catalog.find("v1").orElseThrow().accuracy())
                .isGreaterThan(0.9);
    }

    @Test
    void duplicateVersionsAreRefused() {
        assertThatThrownBy(() -> ModelCatalog.train(IrisData.load(), List.of(ModelSpec.v1(), ModelSpec.v1())))
                .hasMessageContaining("v1 is defined twice");
    }

    @Test
    void featuresOutsideTheirRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new IrisFeatures(5.1, 3.5, -1.4, 0.2)).hasMessageContaining("petal_length");
        assertThatThrownBy(() -> new IrisFeatures(5.1, Double.NaN, 1.4, 0.2)).hasMessageContaining("sepal_width");
    }
}
