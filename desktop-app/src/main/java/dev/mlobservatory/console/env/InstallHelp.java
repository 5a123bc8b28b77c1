package dev.mlobservatory.console.env;

import dev.mlobservatory.console.install.Release;

/** How to install what is missing, per operating system, in words a student can follow. */
public final class InstallHelp {

    private InstallHelp() {
    }

    public static final String PROMETHEUS = """
            Prometheus is not installed (none set, none downloaded, no 'prometheus' on the PATH). The API and the \
            traffic still work, and the charts show what the traffic engine measures; install Prometheus to see the \
            server-side view, alerts and the PromQL sandbox:

              One click:        "Get %s" above: the official release, checked and unpacked into
                                the console's folder; from a terminal: java -jar observatory.jar setup prometheus
              Debian / Ubuntu:  sudo apt-get install prometheus
                                (then: sudo systemctl disable --now prometheus  — the console starts its own)
              macOS:            brew install prometheus
              Windows:          download prometheus-*.windows-amd64.zip from prometheus.io/download,
                                unzip it, and add the folder to PATH (or set its path in Settings)

            Then press "Check again".""".formatted(Release.DEFAULT_NAME);

    /** One line, for the stack's log and status: what is missing and the quickest ways to get it. */
    public static final String ALERTMANAGER_MISSING = "No Alertmanager: notifications and silences need it. "
            + "Everything else works. Get it with the Get Alertmanager button on the Stack tab, "
            + "'sudo apt-get install prometheus-alertmanager' (Debian/Ubuntu) or 'brew install alertmanager' (macOS).";

    public static final String ALERTMANAGER = """
            No Alertmanager: notifications and silences need it; everything else works without it. It receives \
            Prometheus's firing alerts, groups them and notifies the console:

              One click:        "Get Alertmanager" on this tab
              Debian / Ubuntu:  sudo apt-get install prometheus-alertmanager
                                (then: sudo systemctl disable --now prometheus-alertmanager)
              macOS:            brew install alertmanager
              Windows:          alertmanager-*.windows-amd64.zip from prometheus.io/download,
                                unzipped, its folder added to PATH

            Then press "Check again".""";

    public static final String DOCKER = """
            Docker mode runs the API, Prometheus, Alertmanager and Grafana in containers (stack/compose.yaml). It needs Docker \
            with the compose plugin: Docker Desktop on macOS and Windows, docker.io and docker-compose-plugin on \
            Debian/Ubuntu. Local mode needs only Prometheus.""";
}
