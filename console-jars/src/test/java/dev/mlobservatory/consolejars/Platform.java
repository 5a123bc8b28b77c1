package dev.mlobservatory.consolejars;

import java.util.Locale;
import java.util.Optional;

/** A platform the console ships a jar for: JavaFX's classifier, and what its natives and toolkit look like. */
enum Platform {
    LINUX("linux", new NativeBinary("ELF", "x86-64"), "libglass.so", "com/sun/glass/ui/gtk/"),
    LINUX_AARCH64("linux-aarch64", new NativeBinary("ELF", "aarch64"), "libglass.so", "com/sun/glass/ui/gtk/"),
    WIN("win", new NativeBinary("PE", "x86-64"), "glass.dll", "com/sun/glass/ui/win/"),
    MAC("mac", new NativeBinary("Mach-O", "x86-64"), "libglass.dylib", "com/sun/glass/ui/mac/"),
    MAC_AARCH64("mac-aarch64", new NativeBinary("Mach-O", "arm64"), "libglass.dylib", "com/sun/glass/ui/mac/");

    /** JavaFX's classifier, also the jar's suffix: observatory-{classifier}.jar. */
    final String classifier;
    /** What every one of its native libraries must be. */
    final NativeBinary binary;
    /** JavaFX's windowing library, the one native no JavaFX window opens without. */
    final String glass;
    /** The package of JavaFX's windowing toolkit for this system. */
    final String toolkit;

    Platform(String classifier, NativeBinary binary, String glass, String toolkit) {
        this.classifier = classifier;
        this.binary = binary;
        this.glass = glass;
        this.toolkit = toolkit;
    }

    String jarName() {
        return "observatory-" + classifier + ".jar";
    }

    /** The platform this JVM runs on, if the console ships a jar for it. */
    static Optional<Platform> current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        boolean arm = System.getProperty("os.arch").equals("aarch64");
        boolean x64 = System.getProperty("os.arch").matches("amd64|x86_64");
        if (os.startsWith("linux")) {
            return arm ? Optional.of(LINUX_AARCH64) : x64 ? Optional.of(LINUX) : Optional.empty();
        }
        if (os.startsWith("mac")) {
            return arm ? Optional.of(MAC_AARCH64) : x64 ? Optional.of(MAC) : Optional.empty();
        }
        return os.startsWith("windows") && x64 ? Optional.of(WIN) : Optional.empty();
    }
}
