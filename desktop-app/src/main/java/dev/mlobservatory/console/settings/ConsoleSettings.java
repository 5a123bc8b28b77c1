package dev.mlobservatory.console.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's remembered settings (window, theme, presenter mode, ports, traffic), a properties file in the
 * console's home folder. A bad or missing value falls back to its default: a corrupt file never stops the console.
 */
public final class ConsoleSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSettings.class);

    private final Path file;
    private final Properties values = new Properties();

    private ConsoleSettings(Path file) {
        this.file = file;
    }

    /** The console's home: {@code -Dobservatory.home}, else {@code ~/.ml-observatory}. */
    public static Path home() {
        String configured = System.getProperty("observatory.home");
        return configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".ml-observatory");
    }

    public static ConsoleSettings load(Path file) {
        ConsoleSettings s = new ConsoleSettings(file);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                s.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable settings {}: {}", file, e.toString());
            }
        }
        return s;
    }

    public synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                values.store(out, "ML Observatory console settings");
            }
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.toString());
        }
    }

    public synchronized double getDouble(String key, double fallback, double min, double max) {
        try {
            double v = Double.parseDouble(values.getProperty(key, ""));
            return Double.isFinite(v) && v >= min && v <= max ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public int getPort(String key, int fallback) {
        return (int) getDouble(key, fallback, 1, 65535);
    }

    public synchronized boolean getBoolean(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public synchronized String getString(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, String.valueOf(value));
        }
    }
}
