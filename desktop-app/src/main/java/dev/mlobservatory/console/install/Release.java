package dev.mlobservatory.console.install;

import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * One release archive of a {@link Tool} and where to get it: {@code <mirror>/v<version>/<tool>-<version>.<os>-<arch>
 * .tar.gz} ({@code .zip} on Windows) and, beside it, the release's {@code sha256sums.txt}. A mirror keeps GitHub's
 * layout below its base URL, so a school's mirror or a folder served from a teacher's laptop works the same.
 *
 * @param tool Prometheus or Alertmanager
 * @param version a release version, {@code 3.5.3} or {@code 3.6.0-rc.0}
 * @param platform whose archive
 * @param mirror the base URL, the part before {@code /v<version>/}
 */
public record Release(Tool tool, String version, Platform platform, HttpUrl mirror) {

    /**
     * The version the console gets: the newest patch we tested of Prometheus 3.5, the long-term-support line, which
     * the project's configs and rules are checked against. Raise it with each 3.5.x patch; moving to the next LTS
     * line also changes {@link #DEFAULT_NAME}.
     */
    public static final String DEFAULT_VERSION = "3.5.3";
    /** What the button says: the line, not the patch, which a student does not need to know. */
    public static final String DEFAULT_NAME = "Prometheus 3.5 LTS";
    /** Where the Prometheus project publishes its release archives. */
    public static final String DEFAULT_MIRROR = "https://github.com/prometheus/prometheus/releases/download";

    /** Digits and dots, an optional pre-release tag: nothing that could step out of a URL path or a folder. */
    private static final Pattern VERSION = Pattern.compile("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}(-[0-9A-Za-z.]{1,32})?");

    public Release {
        if (tool == null) {
            throw new IllegalArgumentException("tool must be given");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version must look like " + tool.defaultVersion() + ", got '" + version
                    + "'");
        }
        if (platform == null) {
            throw new IllegalArgumentException("platform must be given");
        }
        if (mirror == null) {
            throw new IllegalArgumentException("mirror must be given");
        }
    }

    /**
     * A Prometheus release.
     *
     * @param mirror an http(s) URL, or null/blank for the Prometheus project's own downloads
     */
    public static Release of(String version, Platform platform, String mirror) {
        return of(Tool.PROMETHEUS, version, platform, mirror);
    }

    /** @param mirror an http(s) URL, or null/blank for {@code tool}'s own downloads */
    public static Release of(Tool tool, String version, Platform platform, String mirror) {
        String base = mirror == null || mirror.isBlank() ? tool.defaultMirror() : mirror.strip();
        HttpUrl url = HttpUrl.parse(base.replaceAll("/+$", ""));
        if (url == null) {
            throw new IllegalArgumentException("mirror must be an http:// or https:// URL, got '" + base + "'");
        }
        return new Release(tool, version, platform, url);
    }

    /** The mirror as a person writes it: no trailing slash. */
    public String mirrorText() {
        return mirror.toString().replaceAll("/+$", "");
    }

    /** {@code prometheus-3.5.3.linux-amd64.tar.gz}, {@code alertmanager-0.33.1.windows-amd64.zip}. */
    public String archiveName() {
        return tool.name() + "-" + version + "." + platform + (zip() ? ".zip" : ".tar.gz");
    }

    boolean zip() {
        return platform.windows();
    }

    public HttpUrl archiveUrl() {
        return file(archiveName());
    }

    public HttpUrl checksumsUrl() {
        return file("sha256sums.txt");
    }

    private HttpUrl file(String name) {
        return mirror.newBuilder().addPathSegment("v" + version).addPathSegment(name).build();
    }
}
