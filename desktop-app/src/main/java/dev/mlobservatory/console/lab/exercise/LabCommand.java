package dev.mlobservatory.console.lab.exercise;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code observatory lab}: the PromQL exercises headless, for a student's terminal and a teacher's grading script. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"The lab's PromQL exercises, checked against a running Prometheus.",
            "Exit codes: 0 pass, 1 a wrong answer, 2 bad arguments, an unknown exercise, an unreadable exercises file "
                + "or a Prometheus that cannot be asked."},
        subcommands = {LabListCommand.class, LabCheckCommand.class, LabGradeCommand.class})
public final class LabCommand {

    @Option(names = "--exercises", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A teacher's exercises file (YAML): adds exercises, and replaces bundled ones with the same id.")
    Path exercises;

    /** The bundled exercises with the teacher's file over them; a bad file is an {@link ExercisesFileException}. */
    List<Exercise> exercises() throws ExercisesFileException {
        List<Exercise> bundled = ExerciseBook.bundled();
        return exercises == null ? bundled : ExerciseBook.merge(bundled, ExerciseBook.readFile(exercises));
    }
}
