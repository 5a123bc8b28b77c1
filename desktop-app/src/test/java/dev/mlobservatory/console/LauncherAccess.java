package dev.mlobservatory.console;

import picocli.CommandLine;

/** Gives tests in other packages the launcher's configured command line. */
public final class LauncherAccess {
    private LauncherAccess() {
    }

    public static CommandLine commandLine() {
        return Launcher.commandLine();
    }
}
