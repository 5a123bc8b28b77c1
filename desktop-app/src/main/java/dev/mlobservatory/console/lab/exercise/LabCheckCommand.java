package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.PrometheusClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code observatory lab check}: one answer against one exercise, PASS or FAIL with the reason. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks one answer: prints PASS, or FAIL and why.",
            "Exit codes: 0 pass, 1 fail, 2 bad arguments, unknown exercise, no data yet or Prometheus unreachable."})
final class LabCheckCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand lab;

    @Spec
    CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL",
            description = "Prometheus to ask, e.g. http://127.0.0.1:9090.")
    String prometheus;

    @Option(names = "--exercise", required = true, paramLabel = "ID", description = "The exercise (lab list shows the ids).")
    String exercise;

    @Option(names = "--query", required = true, paramLabel = "PROMQL", description = "The answer, in quotes.")
    String query;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Exercise ex = find(lab.exercises(), exercise);
            PrometheusClient client = LabClients.reachable(prometheus);
            Verdict v = new Grader(client).check(ex, query);
            if (v.outcome() == Verdict.Outcome.PASS || v.outcome() == Verdict.Outcome.FAIL) {
                out.println(v.line());
                out.flush();
                return v.passed() ? 0 : 1;
            }
            err.println("lab check: " + v.line());
            return 2;
        } catch (ExercisesFileException | IOException | IllegalArgumentException e) {
            err.println("lab check: " + e.getMessage());
            return 2;
        }
    }

    static Exercise find(List<Exercise> all, String id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no exercise '" + id + "' (observatory lab list shows the ids)"));
    }
}
