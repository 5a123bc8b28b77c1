package dev.mlobservatory.console.install;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code observatory setup prometheus}: what the console's "Get Prometheus" button does, from a terminal. */
@Command(name = "prometheus",
        description = {"Downloads the official Prometheus release for this OS and CPU, checks its SHA-256 against the "
            + "release's sha256sums.txt and installs it into <home>/tools/prometheus-<version>/ (home: "
            + "~/.ml-observatory, or -Dobservatory.home), where the console finds it. A complete install of that "
            + "version is reused. Ctrl+C leaves nothing half-installed. Proxies: https_proxy or -Dhttps.proxyHost.",
            "Exit codes: 0 installed (or already there), 1 failed, 2 bad arguments."})
public final class GetPrometheusCommand extends GetReleaseCommand {

    @Option(names = "--version", paramLabel = "V", defaultValue = Release.DEFAULT_VERSION,
            description = "The release to get (default ${DEFAULT-VALUE}, the 3.5 long-term-support line).")
    String version;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Get it from URL/v<V>/… instead of " + Release.DEFAULT_MIRROR + " (a school's mirror, a "
                + "teacher's laptop). Default: the prometheus.mirror setting, else the Prometheus project.")
    String mirror;

    @Override
    Tool tool() {
        return Tool.PROMETHEUS;
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
