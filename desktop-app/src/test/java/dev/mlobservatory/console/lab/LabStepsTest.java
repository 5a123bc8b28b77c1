package dev.mlobservatory.console.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The bundled steps: the lab's six, in order, each with a check; a malformed step is named. */
class LabStepsTest {

    @Test
    void theBundledStepsAreTheLabsSixAndEachHasACheck() {
        LabChecks checks = new LabChecks(null);
        assertThat(LabSteps.bundled()).extracting(LabStep::id)
                .containsExactly("metrics", "targets", "traffic", "p95", "alert", "silence");
        assertThat(LabSteps.bundled()).allSatisfy(s -> {
            assertThat(checks.forStep(s.id())).as(s.id()).isPresent();
            assertThat(s.text()).as(s.id()).isNotBlank();
            assertThat(s.hint()).as(s.id()).isNotBlank();
        });
    }

    @Test
    void aBadStepIsNamedWithItsField() {
        assertThatThrownBy(() -> LabSteps.parse("{\"steps\":[{\"id\":\"x\",\"text\":\"t\"}]}"))
                .hasMessage("step x: title is missing");
        assertThatThrownBy(() -> LabSteps.parse("{\"steps\":[{\"id\":\"x\",\"title\":\"T\",\"text\":\"t\","
                + "\"action\":\"open\"}]}")).hasMessage("step x: action must be metrics or grafana, got 'open'");
        assertThatThrownBy(() -> LabSteps.parse("{\"steps\":[]}")).hasMessageStartingWith("no steps");
        assertThatThrownBy(() -> LabSteps.parse("{")).hasMessageStartingWith("not JSON");
    }
}
