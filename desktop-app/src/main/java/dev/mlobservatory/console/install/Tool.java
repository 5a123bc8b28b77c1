package dev.mlobservatory.console.install;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A program the console downloads from the Prometheus project's GitHub releases: Prometheus or Alertmanager. Both
 * are published the same way ({@code <name>-<version>.<os>-<arch>.tar.gz}, {@code .zip} for Windows, beside one
 * {@code sha256sums.txt}), so one installer serves both; this says what differs.
 *
 * @param name the archive's prefix, the install folder's prefix and the main binary: {@code alertmanager}
 * @param displayName what a person reads: {@code Alertmanager}
 * @param binaries the executables kept from the archive, the main one first ({@code alertmanager}, {@code amtool})
 * @param defaultVersion the release the console gets
 * @param offerName what the button offers: the line, not the patch ({@code Prometheus 3.5 LTS})
 * @param defaultMirror where the project publishes the archives, the part before {@code /v<version>/}
 * @param mirrorSetting the setting that replaces {@code defaultMirror} ({@code alertmanager.mirror})
 * @param manualInstall the sentence for a machine the project publishes nothing for
 */
public record Tool(String name, String displayName, List<String> binaries, String defaultVersion, String offerName,
                   String defaultMirror, String mirrorSetting, String manualInstall) {

    /**
     * Lower-case letters and dashes: a name that is safe in a URL path and a folder name. Declared before the tools,
     * which the compact constructor checks against it while the class initializes.
     */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]{0,31}");

    /** The Alertmanager the console gets: the version the compose file pins, so both modes run the same one. */
    public static final String ALERTMANAGER_VERSION = "0.33.1";
    /** Where the Alertmanager project publishes its release archives. */
    public static final String ALERTMANAGER_MIRROR = "https://github.com/prometheus/alertmanager/releases/download";

    public static final Tool PROMETHEUS = new Tool("prometheus", "Prometheus", List.of("prometheus", "promtool"),
            Release.DEFAULT_VERSION, Release.DEFAULT_NAME, Release.DEFAULT_MIRROR, "prometheus.mirror",
            "Install Prometheus yourself and set its path on the Stack tab.");

    public static final Tool ALERTMANAGER = new Tool("alertmanager", "Alertmanager", List.of("alertmanager", "amtool"),
            ALERTMANAGER_VERSION, "Alertmanager 0.33", ALERTMANAGER_MIRROR, "alertmanager.mirror",
            "Install Alertmanager yourself and put it on the PATH.");

    public Tool {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be lower-case letters, got '" + name + "'");
        }
        if (binaries == null || binaries.isEmpty() || !binaries.get(0).equals(name)) {
            throw new IllegalArgumentException("binaries must start with " + name + ", got " + binaries);
        }
        binaries = List.copyOf(binaries);
        for (String text : new String[] {displayName, defaultVersion, offerName, defaultMirror, mirrorSetting,
                manualInstall}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(name + ": every text must be given");
            }
        }
    }

    /** "a Prometheus", "an Alertmanager": for "… is not an Alertmanager release mirror". */
    public String withArticle() {
        return ("AEIOU".indexOf(displayName.charAt(0)) >= 0 ? "an " : "a ") + displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
