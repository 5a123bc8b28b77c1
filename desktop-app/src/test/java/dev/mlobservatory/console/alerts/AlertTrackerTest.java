package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.prom.AlertRule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transition detection, "since when", and the table's order, without Prometheus or JavaFX. */
class AlertTrackerTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:00:00Z");

    private static AlertRule rule(String name, String state, Instant activeAt) {
        return new AlertRule(name, state, activeAt, activeAt == null ? Double.NaN : 0.2, 120, "warning", "up == 0",
                Map.of("summary", "s"), Map.of(), Map.of());
    }

    @Test
    void firstSightIsNotAChange() {
        AlertTracker tracker = new AlertTracker();

        AlertTracker.Update u = tracker.observe(List.of(rule("A", "firing", T0), rule("B", "inactive", null)),
                T0.plusSeconds(200));

        assertThat(u.transitions()).isEmpty();
        assertThat(u.rows()).noneMatch(AlertTracker.Row::changed);
    }

    @Test
    void inactivePendingFiringResolvedAreEachSeenOnce() {
        AlertTracker tracker = new AlertTracker();
        Instant active = T0.plusSeconds(9);
        tracker.observe(List.of(rule("HighErrorRate", "inactive", null)), T0);

        AlertTracker.Update pending = tracker.observe(List.of(rule("HighErrorRate", "pending", active)), T0.plusSeconds(10));
        AlertTracker.Update still = tracker.observe(List.of(rule("HighErrorRate", "pending", active)), T0.plusSeconds(12));
        AlertTracker.Update firing = tracker.observe(List.of(rule("HighErrorRate", "firing", active)), T0.plusSeconds(130));
        AlertTracker.Update resolved = tracker.observe(List.of(rule("HighErrorRate", "inactive", null)), T0.plusSeconds(400));

        assertThat(pending.transitions()).containsExactly(
                new AlertTransition(T0.plusSeconds(10), "HighErrorRate", AlertState.INACTIVE, AlertState.PENDING));
        assertThat(pending.rows().get(0).changed()).isTrue();
        assertThat(still.transitions()).isEmpty();
        assertThat(still.rows().get(0).changed()).isFalse();
        assertThat(firing.transitions()).extracting(AlertTransition::change).containsExactly("pending → firing");
        assertThat(resolved.transitions()).singleElement().satisfies(t -> assertThat(t.resolved()).isTrue());
    }

    @Test
    void sinceIsActiveAtForPendingAndTheSeenChangeForFiringAndInactive() {
        AlertTracker tracker = new AlertTracker();
        Instant active = T0.plusSeconds(9);
        tracker.observe(List.of(rule("A", "inactive", null)), T0);

        assertThat(tracker.observe(List.of(rule("A", "inactive", null)), T0.plusSeconds(2)).rows().get(0).since())
                .as("inactive from the start: not known since when").isNull();
        assertThat(tracker.observe(List.of(rule("A", "pending", active)), T0.plusSeconds(10)).rows().get(0).since())
                .as("pending: Prometheus's activeAt, exact").isEqualTo(active);
        assertThat(tracker.observe(List.of(rule("A", "firing", active)), T0.plusSeconds(131)).rows().get(0).since())
                .as("firing: when the console saw it fire").isEqualTo(T0.plusSeconds(131));
        assertThat(tracker.observe(List.of(rule("A", "firing", active)), T0.plusSeconds(140)).rows().get(0).since())
                .as("and it stays so").isEqualTo(T0.plusSeconds(131));
        assertThat(tracker.observe(List.of(rule("A", "inactive", null)), T0.plusSeconds(300)).rows().get(0).since())
                .isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void firingAtFirstSightStartedWhenItsForElapsed() {
        AlertTracker tracker = new AlertTracker();

        AlertTracker.Row row = tracker.observe(List.of(rule("A", "firing", T0)), T0.plusSeconds(500)).rows().get(0);

        assertThat(row.since()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void resetMakesTheNextPollAFirstSight() {
        AlertTracker tracker = new AlertTracker();
        tracker.observe(List.of(rule("A", "firing", T0)), T0.plusSeconds(200));

        tracker.reset();

        assertThat(tracker.observe(List.of(rule("A", "inactive", null)), T0.plusSeconds(300)).transitions()).isEmpty();
    }

    @Test
    void rowsAreFiringThenPendingThenInactiveThenByName() {
        AlertTracker tracker = new AlertTracker();

        List<AlertTracker.Row> rows = tracker.observe(List.of(
                rule("b-inactive", "inactive", null), rule("z-pending", "pending", T0), rule("a-inactive", "inactive", null),
                rule("y-firing", "firing", T0), rule("c-pending", "pending", T0), rule("x-firing", "firing", T0)),
                T0.plusSeconds(500)).rows();

        assertThat(rows).extracting(r -> r.rule().name()).containsExactly(
                "x-firing", "y-firing", "c-pending", "z-pending", "a-inactive", "b-inactive");
    }

    @Test
    void unknownStatesAreInactiveAndATransitionNeedsTwoStates() {
        assertThat(AlertState.of("firing")).isEqualTo(AlertState.FIRING);
        assertThat(AlertState.of("PENDING")).isEqualTo(AlertState.PENDING);
        assertThat(AlertState.of("")).isEqualTo(AlertState.INACTIVE);
        assertThat(AlertState.of(null)).isEqualTo(AlertState.INACTIVE);
        assertThatThrownBy(() -> new AlertTransition(T0, "A", AlertState.FIRING, AlertState.FIRING))
                .hasMessageContaining("firing → firing");
    }

    @Test
    void twoRulesWithOneNameAreTrackedApart() {
        AlertTracker tracker = new AlertTracker();
        tracker.observe(List.of(rule("A", "inactive", null), rule("A", "inactive", null)), T0);

        AlertTracker.Update u = tracker.observe(List.of(rule("A", "inactive", null), rule("A", "pending", T0)),
                T0.plusSeconds(5));
        AlertTracker.Update same = tracker.observe(List.of(rule("A", "inactive", null), rule("A", "pending", T0)),
                T0.plusSeconds(7));

        assertThat(u.transitions()).hasSize(1);
        assertThat(u.rows()).extracting(AlertTracker.Row::key).as("the second rule, pending, comes first")
                .containsExactly("A#2", "A");
        assertThat(u.rows()).extracting(AlertTracker.Row::changed).containsExactly(true, false);
        assertThat(same.transitions()).as("each keeps its key: no spurious change").isEmpty();
    }
}
