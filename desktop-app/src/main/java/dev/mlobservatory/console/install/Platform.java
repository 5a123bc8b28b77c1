package dev.mlobservatory.console.install;

import java.util.Locale;
import java.util.Set;

/**
 * An operating system and CPU as the Prometheus project names its release archives ({@code linux-amd64},
 * {@code darwin-arm64}, {@code windows-amd64}, …). A parameter of the download, so a test on Linux can fetch the
 * Windows zip.
 *
 * @param os {@code linux}, {@code darwin} or {@code windows}
 * @param arch {@code amd64} or {@code arm64}
 */
public record Platform(String os, String arch) {

    static final Set<String> SYSTEMS = Set.of("linux", "darwin", "windows");
    static final Set<String> CPUS = Set.of("amd64", "arm64");

    public Platform {
        if (!SYSTEMS.contains(os)) {
            throw new IllegalArgumentException("os must be one of linux, darwin, windows, got '" + os + "'");
        }
        if (!CPUS.contains(arch)) {
            throw new IllegalArgumentException("arch must be amd64 or arm64, got '" + arch + "'");
        }
    }

    /** This machine, from {@code os.name} and {@code os.arch}; an unsupported one is said for Prometheus. */
    public static Platform current() throws InstallException {
        return current(Tool.PROMETHEUS);
    }

    /** This machine; an unsupported one is said in one line that names {@code tool}. */
    public static Platform current(Tool tool) throws InstallException {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""), tool);
    }

    /** The platform Java's {@code os.name} and {@code os.arch} describe; an unsupported one is said in one line. */
    static Platform of(String osName, String osArch) throws InstallException {
        return of(osName, osArch, Tool.PROMETHEUS);
    }

    static Platform of(String osName, String osArch, Tool tool) throws InstallException {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin") ? "darwin"
                : name.startsWith("windows") ? "windows" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> null;
        };
        if (os == null || arch == null) {
            throw new InstallException(tool.displayName() + " cannot be downloaded for this machine (" + osName + ", "
                    + osArch + "): the console gets releases for Linux, macOS and Windows on amd64 or arm64 only. "
                    + tool.manualInstall());
        }
        return new Platform(os, arch);
    }

    public boolean windows() {
        return os.equals("windows");
    }

    /** {@code prometheus} or {@code prometheus.exe}. */
    public String executable(String tool) {
        return windows() ? tool + ".exe" : tool;
    }

    @Override
    public String toString() {
        return os + "-" + arch;
    }
}
