package dev.mlobservatory.console;

import dev.mlobservatory.console.install.SetupCommand;
import dev.mlobservatory.console.lab.exercise.LabCommand;
import dev.mlobservatory.console.traffic.TrafficCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.mlobservatory.console.app.LaunchOptions;

/**
 * Entry point of {@code observatory.jar}. A plain class, not a JavaFX {@code Application}, so that
 * {@code java -jar} works on the classpath. Subcommands run headless.
 */
@Command(name = "observatory", mixinStandardHelpOptions = true, version = "ML Observatory 0.1.0",
        description = {"ML Observatory: watch a machine-learning prediction API in production.",
                "Without a subcommand it opens the console window."},
        subcommands = {TrafficCommand.class, SetupCommand.class, LabCommand.class})
public final class Launcher implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Launcher());
        // A bad argument gets one clear line and a pointer to --help, not the whole usage.
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        return cl;
    }

    @Option(names = "--start", description = "Start the stack as soon as the window opens.")
    boolean start;

    @Option(names = "--traffic", paramLabel = "RATE", description = "With --start: fire test traffic at RATE requests/s once the API answers.")
    double traffic;

    @Option(names = "--presenter", description = "Open in presenter mode (large type for a projector).")
    boolean presenter;

    @Option(names = "--exercises", paramLabel = "FILE",
            description = "A teacher's PromQL exercises file (YAML), added to the bundled ones (see 'lab --help').")
    java.nio.file.Path exercises;

    /** No subcommand: open the console window. */
    @Override
    public Integer call() {
        try {
            LaunchOptions.set(new LaunchOptions(start, traffic, presenter ? Boolean.TRUE : null, exercises));
        } catch (IllegalArgumentException e) {
            System.err.println("observatory: " + e.getMessage());
            return 2;
        }
        javafx.application.Application.launch(dev.mlobservatory.console.app.ConsoleApp.class);
        return 0;
    }
}
