package dev.mlobservatory.console.app;

import dev.mlobservatory.console.chaos.ChaosAction;
import dev.mlobservatory.console.chaos.ChaosModel;
import dev.mlobservatory.console.lab.ExerciseProgress;
import dev.mlobservatory.console.lab.LabModel;
import dev.mlobservatory.console.lab.LabRow;
import dev.mlobservatory.console.report.ReportData;
import dev.mlobservatory.console.report.ReportInputs;
import dev.mlobservatory.console.stack.StackMode;
import dev.mlobservatory.console.stack.StackModel;
import dev.mlobservatory.console.stack.StackSetup;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.traffic.LatencyWindow;
import dev.mlobservatory.console.traffic.TrafficModel;
import dev.mlobservatory.console.traffic.TrafficSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads the other features' models into the report's {@link ReportInputs}, on the FX thread that owns their
 * properties: the report package sees values, never the models.
 */
final class ReportInputsReader implements Supplier<ReportInputs> {

    private final StackSetup setup;
    private final StackModel stack;
    private final TrafficModel traffic;
    private final ChaosModel chaos;
    private final String appVersion;
    private final LabModel lab;
    private final ExerciseProgress exercises;

    ReportInputsReader(StackSetup setup, StackModel stack, TrafficModel traffic, ChaosModel chaos, LabModel lab,
                       ExerciseProgress exercises,
                       String appVersion) {
        this.lab = lab;
        this.exercises = exercises;
        this.setup = setup;
        this.stack = stack;
        this.traffic = traffic;
        this.chaos = chaos;
        this.appVersion = appVersion;
    }

    @Override
    public ReportInputs get() {
        List<ReportData.ChaosStep> steps = chaos.actions().stream()
                .map((ChaosAction a) -> new ReportData.ChaosStep(
                        a.time().truncatedTo(ChronoUnit.SECONDS).toString(), a.what(), a.versions()))
                .toList();
        return new ReportInputs(stack.prometheusProperty().get(), stack.apiUrlProperty().get(), appVersion,
                setup.modeProperty().get() == StackMode.DOCKER ? "Docker" : "Local", traffic(), steps, List.of(), labSteps());
    }

    private ReportData.Traffic traffic() {
        List<ClientSamples.Sample> samples = traffic.samples().since(0);
        long ok = 0;
        long c4 = 0;
        long c5 = 0;
        long network = 0;
        long dropped = 0;
        for (ClientSamples.Sample s : samples) {
            TrafficSnapshot t = s.snapshot();
            ok += t.ok();
            c4 += t.clientErrors();
            c5 += t.serverErrors();
            network += t.transportErrors();
            dropped += t.dropped();
        }
        // The outcome names of the traffic command's summary (issue 15), so the two read alike.
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("ok", ok);
        outcomes.put("http_4xx", c4);
        outcomes.put("http_5xx", c5);
        outcomes.put("network_error", network);
        outcomes.put("dropped", dropped);
        double window = samples.isEmpty() ? 0
                : samples.get(samples.size() - 1).epochSeconds() - samples.get(0).epochSeconds() + 1;
        LatencyWindow.Percentiles p = traffic.samples().latencies()
                .over(System.currentTimeMillis(), Duration.ofSeconds(LatencyWindow.CAPACITY_SECONDS));
        return new ReportData.Traffic(traffic.runningProperty().get(), traffic.rateProperty().get(),
                traffic.achievedRateProperty().get(), traffic.sentProperty().get(), traffic.errorsProperty().get(),
                traffic.droppedProperty().get(), window, outcomes, orNull(p.p50Ms()), orNull(p.p95Ms()),
                orNull(p.p99Ms()));
    }

    /** The Lab tab's steps, then its PromQL exercises, as the report lists them: status, and when each went green. */
    private List<ReportData.LabStep> labSteps() {
        List<ReportData.LabStep> rows = new ArrayList<>();
        for (LabRow r : lab.rows()) {
            rows.add(new ReportData.LabStep(r.step().id(), r.step().title(), r.status().word(), when(r.greenAt())));
        }
        for (ExerciseProgress.Row e : exercises.rows()) {
            rows.add(new ReportData.LabStep("exercise:" + e.id(), "Exercise: " + e.title(),
                    e.passedAt() == null ? "to do" : "passed", when(e.passedAt())));
        }
        return rows;
    }

    private static String when(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
