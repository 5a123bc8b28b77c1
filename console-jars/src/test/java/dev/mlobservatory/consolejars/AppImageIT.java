package dev.mlobservatory.consolejars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The Linux application image (profile app-image): it starts with its own Java runtime and none from the machine. */
@EnabledIfSystemProperty(named = "app.image.dir", matches = ".+", disabledReason = "built with -Papp-image only")
class AppImageIT {

    private static final Path IMAGE = Path.of(System.getProperty("app.image.dir", ""), "observatory");

    @Test
    void holdsItsRuntimeAndTheLinuxJar() {
        assertThat(IMAGE.resolve("bin/observatory")).isExecutable();
        assertThat(IMAGE.resolve("lib/runtime/release")).isRegularFile();
        assertThat(IMAGE.resolve("lib/app/observatory-linux.jar")).isRegularFile();
    }

    @Test
    void startsWithoutAJavaOnTheMachine() throws IOException, InterruptedException {
        // No java on the PATH and no JAVA_HOME: the launcher must find the runtime inside the image.
        ProcessBuilder builder = new ProcessBuilder(IMAGE.resolve("bin/observatory").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("PATH", Files.createTempDirectory("no-java").toString());
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/observatory --version ended").isTrue();
        assertThat(process.exitValue()).as("exit code; output: %s", output).isZero();
        assertThat(output).startsWith("ML Observatory ");
    }
}
