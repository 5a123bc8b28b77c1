package dev.mlobservatory.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one parser of data/iris.csv: what it reads, and what it says when a line is wrong. */
class IrisDataTest {

    private static final String HEADER = "sepal_length,sepal_width,petal_length,petal_width,species";

    @Test
    void theShippedFileHasFiftyFlowersOfEachSpeciesInFileOrder() {
        List<IrisData.Flower> flowers = IrisData.flowers();

        assertThat(flowers).hasSize(150);
        assertThat(flowers.get(0)).isEqualTo(new IrisData.Flower(new IrisFeatures(5.1, 3.5, 1.4, 0.2), "setosa"));
        assertThat(flowers.get(149).species()).isEqualTo("virginica");
        Map<String, Long> bySpecies = flowers.stream()
                .collect(Collectors.groupingBy(IrisData.Flower::species, Collectors.counting()));
        assertThat(bySpecies).isEqualTo(Map.of("setosa", 50L, "versicolor", 50L, "virginica", 50L));
    }

    @Test
    void windowsLineEndsAndTrailingBlankLinesAreRead() {
        List<IrisData.Flower> flowers = IrisData.parse(HEADER + "\r\n5.1,3.5,1.4,0.2,setosa\r\n6.3,2.8,5.1,1.5,virginica\r\n\n");

        assertThat(flowers).extracting(IrisData.Flower::species).containsExactly("setosa", "virginica");
        assertThat(flowers.get(1).features()).isEqualTo(new IrisFeatures(6.3, 2.8, 5.1, 1.5));
    }

    @Test
    void aWrongHeaderIsRefusedSayingWhatItMustBe() {
        assertThatThrownBy(() -> IrisData.parse("sepal_length,sepal_width,petal_width,petal_length,species\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/data/iris.csv line 1: the header must be " + HEADER
                        + ", got \"sepal_length,sepal_width,petal_width,petal_length,species\"");
        assertThatThrownBy(() -> IrisData.parse("")).hasMessageStartingWith("/data/iris.csv line 1: the header must be");
    }

    @Test
    void aBadLineIsRefusedNamingTheLineAndTheField() {
        assertThatThrownBy(() -> IrisData.parse(HEADER + "\n5.1,3.5,1.4,0.2,setosa\n4.9,3.0,1.4,setosa\n"))
                .hasMessage("/data/iris.csv line 3: 4 fields, expected 5 (" + HEADER + "), got \"4.9,3.0,1.4,setosa\"");
        assertThatThrownBy(() -> IrisData.parse(HEADER + "\n5.1,3.5x,1.4,0.2,setosa\n"))
                .hasMessage("/data/iris.csv line 2, field sepal_width: \"3.5x\" is not a number");
        assertThatThrownBy(() -> IrisData.parse(HEADER + "\n5.1,3.5,-1.4,0.2,setosa\n"))
                .hasMessageStartingWith("/data/iris.csv line 2, field petal_length must be")
                .hasMessageEndingWith("got -1.4");
        assertThatThrownBy(() -> IrisData.parse(HEADER + "\n5.1,3.5,1.4,0.2, \n"))
                .hasMessage("/data/iris.csv line 2, field species: empty");
    }
}
