package dev.mlobservatory.console.lab.exercise;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code observatory lab list}: every exercise's id and title. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the exercises: id and title.")
final class LabListCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand lab;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Exercise> all;
        try {
            all = lab.exercises();
        } catch (ExercisesFileException e) {
            spec.commandLine().getErr().println("lab list: " + e.getMessage());
            return 2;
        }
        int width = all.stream().mapToInt(e -> e.id().length()).max().orElse(2);
        for (Exercise e : all) {
            out.println(String.format("%-" + width + "s  %s", e.id(), e.title()));
        }
        out.flush();
        return 0;
    }
}
