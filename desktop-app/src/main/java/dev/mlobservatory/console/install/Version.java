package dev.mlobservatory.console.install;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus version's numbers, to pick the newest of several binaries: read from a tools folder's name
 * ({@code prometheus-3.5.3}) or from {@code prometheus --version} ({@code prometheus, version 2.42.0+ds (…)}).
 * A pre-release counts as its release.
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})");

    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative, got " + major + "." + minor
                    + "." + patch);
        }
    }

    /** The first {@code X.Y.Z} in {@code text}, if there is one. */
    public static Optional<Version> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = NUMBERS.matcher(text);
        return m.find() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))) : Optional.empty();
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
