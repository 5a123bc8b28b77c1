package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where the stack files are: the repository's own when the console runs inside it (so an edited rule counts),
 * otherwise the copies packed into the jar at build time, unpacked under the console's home folder.
 */
public final class StackFiles {

    static final String PACKED = "/observatory/";
    static final List<String> PACKED_FILES = List.of(
            "prometheus/prometheus-local.yml", "alertmanager/alertmanager.yml", "rules/ml-api-alerts.yml",
            "dashboards/ml-api.json");

    private final Path repository;
    private final Path prometheusTemplate;
    private final Path rulesDir;
    private final Path dashboard;

    private StackFiles(Path repository, Path prometheusTemplate, Path rulesDir, Path dashboard) {
        this.repository = repository;
        this.prometheusTemplate = prometheusTemplate;
        this.rulesDir = rulesDir;
        this.dashboard = dashboard;
    }

    /** The repository's files if one is found from the working directory or the jar, else the packed copies. */
    public static StackFiles locate(Path home) {
        Path repo = findRepository();
        if (repo != null) {
            return new StackFiles(repo, repo.resolve("stack/prometheus/prometheus-local.yml"), repo.resolve("rules"),
                    repo.resolve("dashboards/ml-api.json"));
        }
        return unpacked(home.resolve("stack-files"));
    }

    /** The packed copies only, unpacked into {@code dir}. */
    public static StackFiles unpacked(Path dir) {
        try {
            for (String file : PACKED_FILES) {
                Path target = dir.resolve(file);
                Files.createDirectories(target.getParent());
                try (InputStream in = StackFiles.class.getResourceAsStream(PACKED + file)) {
                    if (in == null) {
                        throw new IllegalStateException(PACKED + file + " is missing from the console's jar");
                    }
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the stack files into " + dir, e);
        }
        return new StackFiles(null, dir.resolve("prometheus/prometheus-local.yml"), dir.resolve("rules"),
                dir.resolve("dashboards/ml-api.json"));
    }

    static Path findRepository() {
        Path found = walkUp(Path.of("").toAbsolutePath());
        if (found == null) {
            try {
                Path jar = Path.of(StackFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                found = walkUp(jar);
            } catch (URISyntaxException | RuntimeException e) {
                return null;
            }
        }
        return found;
    }

    private static Path walkUp(Path from) {
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("stack/compose.yaml")) && Files.isRegularFile(p.resolve("dashboards/ml-api.json"))
                    && Files.isDirectory(p.resolve("rules"))) {
                return p;
            }
        }
        return null;
    }

    /** The repository root, or null when running from packed copies (Docker mode needs the repository). */
    public Path repository() {
        return repository;
    }

    public Path prometheusTemplate() {
        return prometheusTemplate;
    }

    /** Alertmanager's configuration, beside Prometheus's: {@code stack/alertmanager/alertmanager.yml}. */
    public Path alertmanagerTemplate() {
        return prometheusTemplate.getParent().resolveSibling("alertmanager").resolve("alertmanager.yml");
    }

    public Path rulesDir() {
        return rulesDir;
    }

    public Path dashboard() {
        return dashboard;
    }

    public Path composeFile() {
        return repository == null ? null : repository.resolve("stack/compose.yaml");
    }
}
