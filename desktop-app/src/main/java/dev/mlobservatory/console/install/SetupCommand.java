package dev.mlobservatory.console.install;

import picocli.CommandLine.Command;

/** {@code observatory setup}: installs what the console needs: {@code setup prometheus}, {@code setup alertmanager}. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs what the console needs, into its home folder (no admin rights needed).",
        subcommands = {GetPrometheusCommand.class, GetAlertmanagerCommand.class})
public final class SetupCommand {
}
