package dev.mlobservatory.console.install;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks the few files the console needs from a release archive (tar.gz or zip) into a folder. Every entry's
 * name is checked first: one that is absolute or steps up with {@code ..} fails the whole archive, even if it is a
 * file we would skip, because an archive that tries that is not one to trust. Links are never followed or made.
 */
final class Archives {

    private Archives() {
    }

    /**
     * Writes each regular file whose name is in {@code keep}, found at the archive's top or one folder down (the
     * release's {@code prometheus-<version>.<os>-<arch>/}), into {@code target} under that name.
     *
     * @return the names written
     */
    static Set<String> extract(Path archive, boolean zip, Path target, Set<String> keep, BooleanSupplier cancelled)
            throws IOException, InstallException {
        Files.createDirectories(target);
        Set<String> written = new HashSet<>();
        if (zip) {
            try (ZipFile file = new ZipFile(archive.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String name = wanted(e.getName(), keep, archive);
                    checkCancelled(cancelled);
                    if (name != null && !e.isDirectory()) {
                        try (InputStream in = file.getInputStream(e)) {
                            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        written.add(name);
                    }
                }
            }
        } else {
            try (InputStream gz = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), 1 << 16),
                    1 << 16)) {
                TarReader tar = new TarReader(gz);
                for (TarReader.Entry e = tar.next(); e != null; e = tar.next()) {
                    String name = wanted(e.name(), keep, archive);
                    checkCancelled(cancelled);
                    if (name != null && e.file()) {
                        Files.copy(tar.data(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        written.add(name);
                    }
                }
            }
        }
        return written;
    }

    /** The file name to keep for an entry, or null to skip it; an entry that escapes fails the archive. */
    static String wanted(String entryName, Set<String> keep, Path archive) throws InstallException {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
            throw new InstallException(archive.getFileName() + " has an entry that points outside its folder ('"
                    + entryName + "'); nothing was installed.");
        }
        String[] parts = name.replaceFirst("^(\\./)+", "").replaceAll("/+$", "").split("/+");
        String last = parts[parts.length - 1];
        return parts.length <= 2 && keep.contains(last) ? last : null;
    }

    /** rwxr-xr-x where the file system knows POSIX permissions; elsewhere (Windows) the OS decides by the name. */
    static void makeExecutable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            file.toFile().setExecutable(true, false);
        }
    }

    private static void checkCancelled(BooleanSupplier cancelled) throws InstallException {
        if (cancelled.getAsBoolean()) {
            throw new InstallException.Cancelled();
        }
    }
}
