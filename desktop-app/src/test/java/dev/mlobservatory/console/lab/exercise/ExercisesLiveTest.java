package dev.mlobservatory.console.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.LauncherAccess;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The exercises against the real Prometheus (each version found) scraping a real API under steady traffic: every
 * reference passes its own check, the lab's six take an equivalent formulation and fail two typical mistakes with
 * the reason a student should read, and {@code observatory lab} exits 0, 1 or 2 as documented.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class ExercisesLiveTest {

    @Parameter
    Tools.Versioned binary;

    private static LiveStack stack;
    private static ScheduledExecutorService traffic;
    private static Grader grader;
    private static ExerciseBook.Loaded book;

    @BeforeParameterizedClassInvocation
    static void startStackWithTraffic(Tools.Versioned binary) throws Exception {
        stack = LiveStack.start(binary);
        grader = new Grader(stack.client);
        book = ExerciseBook.load(null);
        // Steady traffic, different per version so that topk has one winner, with a few rejected requests.
        traffic = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "exercises-traffic");
            t.setDaemon(true);
            return t;
        });
        traffic.scheduleAtFixedRate(() -> stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2)),
                0, 50, TimeUnit.MILLISECONDS);
        traffic.scheduleAtFixedRate(() -> stack.api.postJson("/v2/predict", TestApi.flower(7.7, 3.0, 6.1, 2.3)),
                0, 125, TimeUnit.MILLISECONDS);
        traffic.scheduleAtFixedRate(() -> stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, -0.2)),
                0, 500, TimeUnit.MILLISECONDS);
        // The oldest data an exercise reads is growth-30s's: 30 s before the grader's newest time.
        LiveStack.await("every reference to have data", 120, () ->
                book.exercises().stream().noneMatch(e ->
                        grader.check(e, e.reference()).outcome() == Verdict.Outcome.NO_DATA));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (traffic != null) {
            traffic.shutdownNow();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyBundledReferencePassesItsOwnCheck() {
        assertThat(book.exercises()).hasSizeGreaterThanOrEqualTo(12);
        for (Exercise e : book.exercises()) {
            assertThat(grader.check(e, e.reference())).as(e.id()).isEqualTo(Verdict.pass());
        }
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                // total-predictions
                Arguments.of("total-predictions", "{__name__=\"ml_predictions_total\"}", "PASS"),
                Arguments.of("total-predictions", "sum(ml_predictions_total)", "yours has 1: yours lacks `instance`"),
                Arguments.of("total-predictions", "ml_prediction_total",
                        "your query returns nothing: `ml_prediction_total` is not a metric Prometheus knows: "
                                + "did you mean `ml_predictions_total`?"),
                // request-rate
                Arguments.of("request-rate", "rate(ml_predictions_total[60s])", "PASS"),
                Arguments.of("request-rate", "rate(ml_predictions_total[5m])",
                        "did you use [5m] where the task says one minute?"),
                Arguments.of("request-rate", "ml_predictions_total[1m]", "your query is a range vector"),
                // average-latency
                Arguments.of("average-latency", "increase(ml_prediction_duration_seconds_sum[5m]) "
                        + "/ increase(ml_prediction_duration_seconds_count[5m])", "PASS"),
                Arguments.of("average-latency", "rate(ml_prediction_duration_seconds_sum[1m]) "
                        + "/ rate(ml_prediction_duration_seconds_count[1m])",
                        "did you use [1m] where the task says 5 minutes?"),
                Arguments.of("average-latency", "rate(ml_prediction_duration_seconds_sum[5m])", "values differ by"),
                // p95-latency
                Arguments.of("p95-latency",
                        "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                        "PASS"),
                Arguments.of("p95-latency", "histogram_quantile(0.95, rate(ml_prediction_duration_seconds_bucket[5m]))",
                        "1 series expected, yours has 2: you kept `instance`, `job` and `model_version`"),
                Arguments.of("p95-latency",
                        "histogram_quantile(0.5, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                        "values differ by"),
                // error-ratio
                Arguments.of("error-ratio", "sum(increase(ml_predictions_total{status=\"error\"}[5m])) "
                        + "/ sum(increase(ml_predictions_total[5m]))", "PASS"),
                Arguments.of("error-ratio", "sum(rate(ml_predictions_total{status=\"error\"}[1m])) "
                        + "/ sum(rate(ml_predictions_total[1m]))", "did you use [1m] where the task says 5 minutes?"),
                Arguments.of("error-ratio", "rate(ml_predictions_total{status=\"error\"}[5m]) "
                        + "/ rate(ml_predictions_total[5m])", "one number expected, yours has 2 series"),
                // rate-by-version
                Arguments.of("rate-by-version", "sum(rate(ml_predictions_total[1m])) by (model_version)", "PASS"),
                Arguments.of("rate-by-version", "rate(ml_predictions_total[1m])",
                        "2 series expected, yours has 8: you kept `instance`, `job`, `prediction_result` and `status`"),
                Arguments.of("rate-by-version", "sum(rate(ml_predictions_total[1m]))",
                        "2 series expected, yours has 1: yours lacks `model_version`"),
                Arguments.of("rate-by-version", "scalar(sum(rate(ml_predictions_total[1m])))",
                        "yours is a scalar (one number without labels), the task wants one series per `model_version`"),
                // Prometheus's own words for a query it cannot read
                Arguments.of("rate-by-version", "sum(rate(ml_predictions_total[1m])",
                        "bad_data: 1:"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("answers")
    void anAnswerPassesOrFailsWithTheReasonAStudentNeeds(String id, String answer, String expected) {
        Verdict v = grader.check(book.find(id), answer);

        if (expected.equals("PASS")) {
            assertThat(v).isEqualTo(Verdict.pass());
        } else {
            assertThat(v.outcome()).as(v.line()).isEqualTo(Verdict.Outcome.FAIL);
            assertThat(v.reason()).contains(expected);
        }
    }

    @Test
    void aReferenceWithoutDataSaysSendTrafficInsteadOfFailing() {
        Exercise v9 = new Exercise("v9-rate", "v9", "rate of v9", "rate(ml_predictions_total{model_version=\"v9\"}[1m])",
                Compare.INSTANT, 0.01, List.of());

        Verdict v = grader.check(v9, "rate(ml_predictions_total[1m])");

        assertThat(v.outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
        assertThat(v.reason()).contains("send traffic first");
    }

    // --- the command line -----------------------------------------------------------------------------

    private record Run(int code, String out, String err) {
    }

    private static Run lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = LauncherAccess.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = Stream.concat(Stream.of("lab"), Stream.of(args)).toArray(String[]::new);
        int code = cl.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkExitsZeroOnPassOneOnFailTwoOnBadInput() throws Exception {
        String url = stack.client.baseUrl();

        Run pass = lab("check", "--prometheus", url, "--exercise", "rate-by-version",
                "--query", "sum(rate(ml_predictions_total[1m])) by (model_version)");
        assertThat(pass.code()).as(pass.err()).isZero();
        assertThat(pass.out().strip()).isEqualTo("PASS");

        Run fail = lab("check", "--prometheus", url, "--exercise", "request-rate",
                "--query", "rate(ml_predictions_total[5m])");
        assertThat(fail.code()).isEqualTo(1);
        assertThat(fail.out()).startsWith("FAIL: ").contains("[5m] where the task says one minute");

        Run unknown = lab("check", "--prometheus", url, "--exercise", "no-such", "--query", "up");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("lab check: no exercise 'no-such' (observatory lab list shows the ids)");

        Run unreachable = lab("check", "--prometheus", "http://127.0.0.1:" + Ports.any(), "--exercise",
                "request-rate", "--query", "up");
        assertThat(unreachable.code()).isEqualTo(2);
        assertThat(unreachable.err()).contains("is not reachable").hasLineCount(1);

        Run missingQuery = lab("check", "--prometheus", url, "--exercise", "request-rate");
        assertThat(missingQuery.code()).isEqualTo(2);
        assertThat(missingQuery.err()).contains("--query");
    }

    @Test
    void gradePrintsAScoreTableAndATotal(@TempDir Path dir) throws Exception {
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, String.join("\n",
                "# Ada's answers",
                "request-rate: rate(ml_predictions_total[1m])",
                "",
                "rate-by-version: rate(ml_predictions_total[1m])",
                "v3-absent: absent(ml_predictions_total{model_version=\"v3\"})"));

        Run run = lab("grade", "--prometheus", stack.client.baseUrl(), "--answers", answers.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).matches("exercise\\s+result\\s+reason");
        assertThat(lines.get(1)).matches("request-rate\\s+PASS");
        assertThat(lines.get(2)).matches("rate-by-version\\s+FAIL\\s+2 series expected, yours has 8: .*");
        assertThat(lines.get(3)).matches("v3-absent\\s+PASS");
        assertThat(lines.get(4)).startsWith("total: 2 of 3 passed");

        Files.writeString(answers, "request-rate rate(ml_predictions_total[1m])\n");
        Run malformed = lab("grade", "--prometheus", stack.client.baseUrl(), "--answers", answers.toString());
        assertThat(malformed.code()).isEqualTo(2);
        assertThat(malformed.err().strip()).isEqualTo("lab grade: " + answers + " line 1: expected 'id: query', "
                + "e.g. 'request-rate: rate(ml_predictions_total[1m])'");
    }

    @Test
    void aTeachersFileAddsExercisesAndABrokenOneIsOneLineNamingItsLine(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("mine.yaml");
        Files.writeString(mine, String.join("\n",
                "exercises:",
                "  - id: memory-mb",
                "    title: Memory in MB",
                "    task: The API's memory in megabytes.",
                "    reference: app_memory_usage_bytes / 1e6",
                "    compare: scalar",
                ""));
        Run list = lab("list", "--exercises", mine.toString());
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("request-rate").containsPattern("memory-mb +Memory in MB");
        Run pass = lab("check", "--exercises", mine.toString(), "--prometheus", stack.client.baseUrl(),
                "--exercise", "memory-mb", "--query", "app_memory_usage_bytes / 1000000");
        assertThat(pass.code()).as(pass.out() + pass.err()).isZero();

        Files.writeString(mine, String.join("\n",
                "exercises:",
                "  - id: memory-mb",
                "    title: Memory in MB",
                "    task: The API's memory in megabytes.",
                "    reference: app_memory_usage_bytes / 1e6",
                "    tolerance: lots",
                ""));
        Run broken = lab("list", "--exercises", mine.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err().strip()).startsWith("lab list: " + mine + " line 6, tolerance: ");
    }
}
