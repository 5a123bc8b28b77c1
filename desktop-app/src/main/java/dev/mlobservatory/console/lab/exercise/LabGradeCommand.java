package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.PrometheusClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code observatory lab grade}: a file of answers, a score table and a total. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Checks a file of answers ('id: query' per line; # comments) and prints a score table.",
            "Exit codes: 0 all pass, 1 some do not, 2 bad input or Prometheus unreachable."})
final class LabGradeCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand lab;

    @Spec
    CommandSpec spec;

    @Option(names = "--prometheus", required = true, paramLabel = "URL",
            description = "Prometheus to ask, e.g. http://127.0.0.1:9090.")
    String prometheus;

    @Option(names = "--answers", required = true, paramLabel = "FILE", description = "The answers, 'id: query' per line.")
    Path answers;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Exercise> all;
        Map<String, String> given;
        PrometheusClient client;
        try {
            all = lab.exercises();
            given = AnswersFile.read(answers, all);
            client = LabClients.reachable(prometheus);
        } catch (ExercisesFileException | IOException | IllegalArgumentException e) {
            err.println("lab grade: " + e.getMessage());
            return 2;
        }
        Grader grader = new Grader(client);
        int width = Math.max(8, given.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s  %-7s  %s";
        out.println(String.format(row, "exercise", "result", "reason"));
        int passed = 0;
        for (var answer : given.entrySet()) {
            Exercise ex = LabCheckCommand.find(all, answer.getKey());
            Verdict v = grader.check(ex, answer.getValue());
            passed += v.passed() ? 1 : 0;
            String result = v.outcome() == Verdict.Outcome.NO_DATA ? "NO DATA" : v.outcome().name();
            out.println(String.format(row, ex.id(), result, v.reason()).stripTrailing());
            out.flush();
        }
        out.println("total: " + passed + " of " + given.size() + " passed"
                + (all.size() > given.size() ? " (" + (all.size() - given.size()) + " exercises not answered)" : ""));
        out.flush();
        return passed == given.size() ? 0 : 1;
    }
}
