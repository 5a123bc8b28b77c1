package dev.mlobservatory.api.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds external tools (promtool, prometheus) on the PATH. Locally a missing tool skips the test;
 * on CI (CI=true) it fails it, because .ci/run installs them and a silent skip would hide a broken install.
 */
public final class Tools {

    private Tools() {
    }

    public static String require(String name) {
        String found = find(name);
        if (found == null) {
            String message = name + " is not on the PATH (Debian: apt-get install " + debianPackage(name) + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + "; .ci/run should have installed it");
            }
            Assumptions.abort(message);
        }
        return found;
    }

    /** Where Debian ships each tool the tests use: what .ci/run installs. */
    static String debianPackage(String tool) {
        return switch (tool) {
            case "prometheus", "promtool" -> "prometheus";
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
}
