package dev.mlobservatory.console.install;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The console's tools folder, {@code <home>/tools}: one complete install per tool and version in
 * {@code prometheus-<version>/} or {@code alertmanager-<version>/}
 * (moved there in one step, so a folder of that name is never half-filled), and while an install runs its
 * download and unpacking under names that start with {@code .partial-<pid>-}, which a later install removes once
 * that process is gone (a {@code kill -9} in the middle).
 */
public final class ToolsFolder {

    private static final Pattern PARTIAL = Pattern.compile("\\.partial-(\\d+)-.*");

    private final Path dir;

    public ToolsFolder(Path dir) {
        this.dir = dir;
    }

    /** {@code <home>/tools}. */
    public static ToolsFolder of(Path home) {
        return new ToolsFolder(home.resolve("tools"));
    }

    public Path dir() {
        return dir;
    }

    /** {@code <tools>/<tool>-<version>}. */
    public Path installDir(Tool tool, String version) {
        return dir.resolve(tool.name() + "-" + version);
    }

    /** The main binary a complete install of {@code tool} at {@code version} has, for {@code platform}. */
    public Path binary(Tool tool, String version, Platform platform) {
        return installDir(tool, version).resolve(platform.executable(tool.name()));
    }

    /** An install of a version and its binary, as found on disk. */
    public record Installed(Version version, Path binary) {
        public Installed {
            if (version == null || binary == null) {
                throw new IllegalArgumentException("version and binary must be given, got " + version + ", " + binary);
            }
        }
    }

    /** Every complete Prometheus install here, newest version first; none when the folder does not exist. */
    public List<Installed> installed() {
        return installed("prometheus");
    }

    /**
     * Every complete Alertmanager install here ({@code alertmanager-<version>/alertmanager}), newest version first;
     * none when the folder does not exist.
     */
    public List<Installed> installedAlertmanagers() {
        return installed("alertmanager");
    }

    /** Installs of {@code tool}: folders {@code <tool>-<version>} holding the executable {@code <tool>[.exe]}. */
    private List<Installed> installed(String tool) {
        Pattern install = Pattern.compile(Pattern.quote(tool) + "-(\\d.*)");
        List<Installed> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Matcher m = install.matcher(entry.getFileName().toString());
                Optional<Version> version = m.matches() ? Version.find(m.group(1)) : Optional.empty();
                if (version.isEmpty()) {
                    continue;
                }
                for (String name : List.of(tool, tool + ".exe")) {
                    Path binary = entry.resolve(name);
                    if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
                        found.add(new Installed(version.get(), binary));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            return found; // an unreadable tools folder holds nothing usable
        }
        found.sort(Comparator.comparing(Installed::version).reversed());
        return found;
    }

    /** A fresh name for this process's download or unpacking of {@code what}. */
    Path partial(String what) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempDirectory(dir, ".partial-" + ProcessHandle.current().pid() + "-" + what + "-");
    }

    /** Removes what installs by processes that are gone left behind; returns how many it removed. */
    int sweepLeftovers() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".partial-*")) {
            for (Path entry : entries) {
                Matcher m = PARTIAL.matcher(entry.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    deleteTree(entry);
                    removed++;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return removed; // best effort: a leftover costs disk space, not correctness
        }
        return removed;
    }

    /** Deletes {@code path} and everything under it; a missing path is fine. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
