package dev.mlobservatory.api.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds external tools (promtool, prometheus) for the tests. Locally a missing tool skips the test; on CI (CI=true)
 * it fails it, because .ci/run installs them and a silent skip would hide a broken install.
 *
 * <p>Prometheus and promtool can be there in several versions (3.5 LTS is the main target, 2.x must keep working):
 * {@link #prometheusVersions()} and {@link #promtoolVersions()} give each one found, newest first, for tests that run
 * against every version; {@link #require(String)} gives the newest. Where they come from, first found first:
 * the system property {@code observatory.prometheus} (or {@code observatory.promtool}), a list of binaries separated
 * by the path separator; else the copy {@code scripts/ci/unpack-sid-tools.sh} unpacks into {@code .tools/sid/usr/bin}
 * and every distinct one on the PATH.
 */
public final class Tools {

    /** Tools found in several versions and in .tools/sid as well as on the PATH. */
    private static final Set<String> MANAGED = Set.of("prometheus", "promtool", "alertmanager", "amtool");
    private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)(\\S*)");
    private static final Map<String, List<Versioned>> FOUND = new LinkedHashMap<>();
    /** What the tests of this JVM were given, for the line {@link ToolVersionsReport} prints at the end. */
    private static final Set<Versioned> USED = Collections.synchronizedSet(new LinkedHashSet<>());

    private Tools() {
    }

    /** One binary of a tool and the version it says it is; {@code toString} names both, for test names. */
    public record Versioned(String tool, String path, int major, int minor, int patch, String build) {

        public String version() {
            return major + "." + minor + "." + patch + build;
        }

        public boolean atLeast(int wantMajor, int wantMinor) {
            return major > wantMajor || (major == wantMajor && minor >= wantMinor);
        }

        @Override
        public String toString() {
            return tool + " " + version();
        }
    }

    /** The newest binary of {@code name} (see the class comment); skips the test locally, fails it on CI. */
    public static String require(String name) {
        if (MANAGED.contains(name)) {
            return versions(name).get(0).path();
        }
        String found = find(name);
        if (found == null) {
            missing(name + " is not on the PATH (Debian: apt-get install " + debianPackage(name) + ")");
        }
        return found;
    }

    /** Every prometheus found, newest first: the source of the tests that run against each version. */
    public static List<Versioned> prometheusVersions() {
        return versions("prometheus");
    }

    /** Every promtool found, newest first. */
    public static List<Versioned> promtoolVersions() {
        return versions("promtool");
    }

    /**
     * Every Alertmanager found, newest first. Debian names the binary {@code prometheus-alertmanager}, upstream
     * {@code alertmanager}: both are looked for.
     */
    public static List<Versioned> alertmanagerVersions() {
        return versions("alertmanager");
    }

    /** The newest Alertmanager (see {@link #alertmanagerVersions()}); skips locally, fails on CI. */
    public static Versioned alertmanager() {
        return alertmanagerVersions().get(0);
    }

    /** What the tests of this JVM were given so far. */
    static List<Versioned> used() {
        synchronized (USED) {
            return List.copyOf(USED);
        }
    }

    private static List<Versioned> versions(String tool) {
        List<Versioned> all;
        synchronized (FOUND) {
            all = FOUND.computeIfAbsent(tool, Tools::discover);
        }
        if (all.isEmpty()) {
            missing(tool + " is not on the PATH (Debian: apt-get install " + debianPackage(tool)
                    + "; 3.5 LTS and Alertmanager 0.33: scripts/ci/unpack-sid-tools.sh)");
        }
        USED.addAll(all);
        return all;
    }

    private static List<Versioned> discover(String tool) {
        Set<Path> candidates = new LinkedHashSet<>();
        String listed = System.getProperty("observatory." + tool, "");
        if (!listed.isBlank()) {
            for (String p : listed.split(File.pathSeparator)) {
                candidates.add(Path.of(p.trim()));
            }
        } else {
            Path root = repository();
            if (root != null) {
                for (String name : binaryNames(tool)) {
                    candidates.add(root.resolve(".tools/sid/usr/bin/" + name));
                }
            }
            String path = System.getenv("PATH");
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
                for (String name : binaryNames(tool)) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Versioned> found = new ArrayList<>();
        for (Path c : candidates) {
            try {
                if (!Files.isExecutable(c) || !seen.add(c.toRealPath())) {
                    continue;
                }
            } catch (IOException e) {
                continue;
            }
            Versioned v = version(tool, c);
            if (v != null) {
                found.add(v);
            }
        }
        found.sort((a, b) -> a.major() != b.major() ? b.major() - a.major()
                : a.minor() != b.minor() ? b.minor() - a.minor() : b.patch() - a.patch());
        return List.copyOf(found);
    }

    /** The file names a tool goes by: Debian renames Alertmanager's server binary. */
    private static List<String> binaryNames(String tool) {
        return tool.equals("alertmanager") ? List.of("alertmanager", "prometheus-alertmanager") : List.of(tool);
    }

    /** Runs {@code binary --version}; null when it does not run or says no version (a broken install). */
    private static Versioned version(String tool, Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            Matcher m = VERSION.matcher(out);
            return m.find() ? new Versioned(tool, binary.toString(), Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The checkout this test runs in (the folder with mvnw), or null. */
    private static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve("rules"))) {
                return p;
            }
        }
        return null;
    }

    private static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + "; .ci/run should have installed it");
        }
        Assumptions.abort(message);
    }

    /** Where Debian ships each tool the tests use: what .ci/run installs. */
    static String debianPackage(String tool) {
        return switch (tool) {
            case "prometheus", "promtool" -> "prometheus";
            case "alertmanager", "amtool" -> "prometheus-alertmanager";
            case "kill" -> "procps";
            case "sleep" -> "coreutils";
            default -> tool;
        };
    }

    public static String find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** For {@code @MethodSource}: every prometheus, newest first. */
    public static Stream<Versioned> eachPrometheus() {
        return prometheusVersions().stream();
    }

    /** For {@code @MethodSource}: every promtool, newest first. */
    public static Stream<Versioned> eachPromtool() {
        return promtoolVersions().stream();
    }
}
