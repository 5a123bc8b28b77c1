package dev.mlobservatory.consolejars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The console jars per OS, opened after packaging: each starts the Launcher, holds the same app and libraries as
 * observatory.jar, and its own platform's JavaFX natives (checked down to the CPU in their headers) and no other's.
 */
class ConsoleJarsIT {

    private static final Path DIR = Path.of(System.getProperty("console.jars.dir", "../desktop-app/target"));
    private static final String MAIN = System.getProperty("console.main", "dev.mlobservatory.console.Launcher");
    private static final Path CONSOLE_JAR = DIR.resolve("observatory.jar");

    /** JavaFX's packages and top-level files; everything else in a console jar is the app's or a library's. */
    private static final List<String> JAVAFX_PACKAGES = List.of("javafx/", "com/sun/glass/", "com/sun/javafx/",
            "com/sun/marlin/", "com/sun/openpisces/", "com/sun/pisces/", "com/sun/prism/", "com/sun/scenario/",
            "com/sun/util/");
    private static final List<String> JAVAFX_TOP_LEVEL_FILES = List.of("javafx.properties", "javafx-swt.jar");

    @Test
    void thereIsOneJarPerPlatform() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("observatory-.+\\.jar")))
                    .as("console jars in %s", DIR)
                    .containsExactlyInAnyOrder(Stream.of(Platform.values()).map(Platform::jarName).toArray(String[]::new));
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void startsTheLauncher(Platform platform) throws IOException {
        try (JarFile jar = open(platform)) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .as("Main-Class of %s", platform.jarName()).isEqualTo(MAIN);
            assertThat(jar.getEntry(MAIN.replace('.', '/') + ".class")).as("%s in %s", MAIN, platform.jarName()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void holdsItsPlatformsJavaFxNativesAndNoOthers(Platform platform) throws IOException {
        try (JarFile jar = open(platform)) {
            Map<String, NativeBinary> natives = javaFxNatives(jar);

            assertThat(natives).as("JavaFX natives of %s", platform.jarName()).containsKey(platform.glass);
            // By header, not by name: Linux x64 and arm64 (and both Macs) name their libraries alike.
            assertThat(notOf(platform, natives)).as("JavaFX natives of %s that are not %s", platform.jarName(), platform.binary)
                    .isEmpty();
            for (Platform other : Platform.values()) {
                if (!other.glass.equals(platform.glass)) {
                    assertThat(natives).as("JavaFX natives of %s", platform.jarName()).doesNotContainKey(other.glass);
                }
                if (!other.toolkit.equals(platform.toolkit)) {
                    assertThat(hasPackage(jar, other.toolkit)).as("%s in %s", other.toolkit, platform.jarName()).isFalse();
                }
            }
            assertThat(hasPackage(jar, platform.toolkit)).as("%s in %s", platform.toolkit, platform.jarName()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void holdsTheSameAppAndLibrariesAsTheConsoleJar(Platform platform) throws IOException {
        Map<String, Long> expected = appAndLibraries(CONSOLE_JAR);
        Map<String, Long> actual = appAndLibraries(DIR.resolve(platform.jarName()));

        List<String> differences = new ArrayList<>();
        expected.forEach((name, crc) -> {
            Long other = actual.get(name);
            if (other == null) {
                differences.add("missing " + name);
            } else if (!other.equals(crc)) {
                differences.add("different " + name);
            }
        });
        actual.keySet().stream().filter(name -> !expected.containsKey(name)).forEach(name -> differences.add("extra " + name));

        assertThat(expected).as("the app's classes in observatory.jar").containsKey(MAIN.replace('.', '/') + ".class");
        assertThat(differences.stream().limit(20))
                .as("%s against observatory.jar, outside JavaFX (%d differences)", platform.jarName(), differences.size())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void runsOnThisJvm(Platform platform) throws IOException, InterruptedException {
        // --version stops before JavaFX loads, so every platform's jar can show here that its manifest, its
        // classpath and picocli work.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", DIR.resolve(platform.jarName()).toString(), "--version")
                .redirectErrorStream(true).start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -jar %s --version ended", platform.jarName()).isTrue();
        assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
        assertThat(output).startsWith("ML Observatory ");
    }

    @Test
    void theConsoleJarIsThisMachines() throws IOException {
        Platform here = Platform.current().orElse(null);
        assumeTrue(here != null, "no console jar for " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try (JarFile jar = new JarFile(CONSOLE_JAR.toFile())) {
            Map<String, NativeBinary> natives = javaFxNatives(jar);
            assertThat(natives).as("JavaFX natives of observatory.jar").containsKey(here.glass);
            assertThat(notOf(here, natives)).as("JavaFX natives of observatory.jar that are not %s", here.binary).isEmpty();
        }
    }

    private static JarFile open(Platform platform) throws IOException {
        Path path = DIR.resolve(platform.jarName());
        assertThat(path).as("the %s console jar", platform.classifier).isRegularFile();
        return new JarFile(path.toFile());
    }

    /** JavaFX keeps its natives at the top of its jars (libraries such as jline keep theirs, for every OS, in folders). */
    private static Map<String, NativeBinary> javaFxNatives(JarFile jar) throws IOException {
        Map<String, NativeBinary> natives = new TreeMap<>();
        for (ZipEntry entry : jar.stream().filter(e -> isTopLevelNative(e.getName())).toList()) {
            try (InputStream in = jar.getInputStream(entry)) {
                natives.put(entry.getName(), NativeBinary.of(in.readNBytes(4096)));
            }
        }
        return natives;
    }

    /** The libraries that are not built for the platform, with what they are. */
    private static Map<String, NativeBinary> notOf(Platform platform, Map<String, NativeBinary> natives) {
        Map<String, NativeBinary> foreign = new TreeMap<>(natives);
        foreign.values().removeIf(platform.binary::equals);
        return foreign;
    }

    private static boolean isTopLevelNative(String name) {
        return name.indexOf('/') < 0 && name.matches(".+\\.(so|dll|dylib)");
    }

    private static boolean hasPackage(JarFile jar, String prefix) {
        return jar.stream().anyMatch(e -> e.getName().startsWith(prefix));
    }

    /** Every entry outside JavaFX, with its CRC. */
    private static Map<String, Long> appAndLibraries(Path path) throws IOException {
        assertThat(path).isRegularFile();
        try (JarFile jar = new JarFile(path.toFile())) {
            Map<String, Long> entries = new TreeMap<>();
            jar.stream().filter(e -> !isJavaFx(e.getName())).forEach(e -> entries.put(e.getName(), e.getCrc()));
            return entries;
        }
    }

    private static boolean isJavaFx(String name) {
        return isTopLevelNative(name) || JAVAFX_TOP_LEVEL_FILES.contains(name) || JAVAFX_PACKAGES.stream().anyMatch(name::startsWith);
    }
}
