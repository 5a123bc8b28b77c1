package dev.mlobservatory.console.install;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code observatory setup alertmanager}: what the console's "Get Alertmanager" button does, from a terminal. */
@Command(name = "alertmanager",
        description = {"Downloads the official Alertmanager release for this OS and CPU, checks its SHA-256 against "
            + "the release's sha256sums.txt and installs it into <home>/tools/alertmanager-<version>/ (home: "
            + "~/.ml-observatory, or -Dobservatory.home), where the console finds it for Local mode. A complete "
            + "install of that version is reused. Ctrl+C leaves nothing half-installed. Proxies: https_proxy or "
            + "-Dhttps.proxyHost.",
            "Exit codes: 0 installed (or already there), 1 failed, 2 bad arguments."})
public final class GetAlertmanagerCommand extends GetReleaseCommand {

    @Option(names = "--version", paramLabel = "V", defaultValue = Tool.ALERTMANAGER_VERSION,
            description = "The release to get (default ${DEFAULT-VALUE}, the version the stack's compose file pins).")
    String version;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Get it from URL/v<V>/… instead of " + Tool.ALERTMANAGER_MIRROR + " (a school's mirror, a "
                + "teacher's laptop). Default: the alertmanager.mirror setting, else the Prometheus project.")
    String mirror;

    @Override
    Tool tool() {
        return Tool.ALERTMANAGER;
    }

    @Override
    String version() {
        return version;
    }

    @Override
    String mirror() {
        return mirror;
    }
}
