package dev.mlobservatory.console.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Gets one release of a {@link Tool} (Prometheus, Alertmanager) into the tools folder: reads the release's
 * {@code sha256sums.txt}, downloads the archive into a {@code .partial-} folder, checks its SHA-256, unpacks the
 * binaries there and moves the finished folder into place in one step. Whatever fails or is cancelled, the
 * {@code .partial-} folder goes and nothing else changed. Blocking: run it on a background thread; {@link #cancel()}
 * may come from any thread. One install per instance.
 */
public final class ReleaseInstaller {

    /** How often progress is reported while bytes arrive: often enough for a bar, rarely enough for the FX thread. */
    private static final long REPORT_NANOS = 100_000_000L;
    /** A checksum list is a few lines; a mirror answering megabytes there is not a mirror. */
    private static final long MAX_CHECKSUMS = 1 << 20;
    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\S+)");

    /**
     * The outcome.
     *
     * @param binary the installed main binary, {@code prometheus} or {@code alertmanager} (absolute)
     * @param reused true when a complete install of that version was already there
     */
    public record Result(Path binary, boolean reused) {
        public Result {
            if (binary == null || !binary.isAbsolute()) {
                throw new IllegalArgumentException("binary must be an absolute path, got " + binary);
            }
        }
    }

    private final OkHttpClient http;
    private final ToolsFolder tools;
    private volatile boolean cancelled;
    private volatile Call call;

    /** @param http a client for downloads ({@link DownloadClient#of}) */
    public ReleaseInstaller(OkHttpClient http, ToolsFolder tools) {
        this.http = http;
        this.tools = tools;
    }

    /** Stops the install as soon as possible; it then throws {@link InstallException.Cancelled}. */
    public void cancel() {
        cancelled = true;
        Call c = call;
        if (c != null) {
            c.cancel();
        }
    }

    public Result install(Release release, Consumer<Progress> progress) throws InstallException {
        Tool tool = release.tool();
        Path binary = tools.binary(tool, release.version(), release.platform()).toAbsolutePath();
        if (complete(binary)) {
            return new Result(binary, true);
        }
        tools.sweepLeftovers();
        Path partial = null;
        try {
            partial = tools.partial(tool.name() + "-" + release.version());
            progress.accept(Progress.of(Progress.Step.CHECKSUMS));
            String expected = expectedChecksum(release);
            Path archive = partial.resolve(release.archiveName());
            String actual = download(release, archive, progress);
            if (!actual.equalsIgnoreCase(expected)) {
                throw new InstallException("Checksum mismatch for " + release.archiveName() + ": sha256sums.txt says "
                        + expected + ", the download has " + actual + " (a broken download or a tampered mirror); "
                        + "nothing was installed.");
            }
            progress.accept(Progress.of(Progress.Step.UNPACKING));
            Path unpacked = partial.resolve("unpacked");
            Platform p = release.platform();
            Set<String> executables = new HashSet<>();
            for (String b : tool.binaries()) {
                executables.add(p.executable(b));
            }
            Set<String> keep = new HashSet<>(executables);
            keep.addAll(Set.of("LICENSE", "NOTICE"));
            Set<String> written = Archives.extract(archive, release.zip(), unpacked, keep, () -> cancelled);
            if (!written.contains(p.executable(tool.name()))) {
                throw new InstallException(release.archiveName() + " from " + release.mirrorText() + " has no "
                        + p.executable(tool.name()) + " inside: not " + tool.withArticle() + " release; nothing was "
                        + "installed.");
            }
            for (String file : written) {
                if (executables.contains(file)) {
                    Archives.makeExecutable(unpacked.resolve(file));
                }
            }
            Files.deleteIfExists(archive); // the disk space back before the move, not after
            checkCancelled();
            return moveIntoPlace(unpacked, binary, tool);
        } catch (IOException e) {
            throw cancelled ? new InstallException.Cancelled() : InstallException.local(e, tools.dir());
        } finally {
            if (partial != null) {
                try {
                    ToolsFolder.deleteTree(partial);
                } catch (IOException e) {
                    // left for the next install's sweep, which removes what a finished process left behind
                }
            }
        }
    }

    /** A binary that exists and may be run: a folder of that name only ever appears whole (see the class). */
    static boolean complete(Path binary) {
        return Files.isRegularFile(binary) && Files.isExecutable(binary);
    }

    private Result moveIntoPlace(Path unpacked, Path binary, Tool tool) throws IOException, InstallException {
        Path target = binary.getParent();
        try {
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
            return new Result(binary, false);
        } catch (IOException e) {
            if (complete(binary)) {
                return new Result(binary, true); // another console finished the same install first
            }
            if (Files.exists(target)) {
                throw new InstallException(target + " exists but holds no usable " + tool.name() + ": remove that "
                        + "folder and try again.");
            }
            throw e;
        }
    }

    private String expectedChecksum(Release release) throws InstallException {
        HttpUrl url = release.checksumsUrl();
        String text;
        try (Response r = execute(url)) {
            ResponseBody body = body(r, release, "a list of checksums", "No such version: "
                    + release.tool().displayName() + " " + release.version() + " is not at " + release.mirrorText()
                    + " (" + url + " answered HTTP 404).");
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes((int) MAX_CHECKSUMS + 1);
                if (bytes.length > MAX_CHECKSUMS) {
                    throw notAMirror(release, url + " answered over 1 MB, not a list of checksums");
                }
                text = new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw cancelled ? new InstallException.Cancelled() : InstallException.network(e, url);
        }
        boolean anyLine = false;
        for (String line : text.split("\\R")) {
            Matcher m = CHECKSUM_LINE.matcher(line.strip());
            if (m.matches()) {
                anyLine = true;
                if (m.group(2).equals(release.archiveName())) {
                    return m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        }
        if (!anyLine) {
            throw notAMirror(release, url + " holds no SHA-256 checksums");
        }
        throw new InstallException(release.tool().displayName() + " " + release.version() + " has no release for "
                + release.platform()
                + " at " + release.mirrorText() + " (its sha256sums.txt lists no " + release.archiveName() + ").");
    }

    /** Streams the archive into {@code to}; returns its SHA-256 in hex. */
    private String download(Release release, Path to, Consumer<Progress> progress) throws InstallException, IOException {
        HttpUrl url = release.archiveUrl();
        MessageDigest sha = sha256();
        long bytes = 0;
        long total = -1;
        try (Response r = execute(url)) {
            ResponseBody body = body(r, release, "an archive", release.tool().displayName() + " "
                    + release.version() + " has no release for " + release.platform() + " at " + url + " (HTTP 404).");
            total = body.contentLength();
            long start = System.nanoTime();
            long reported = start - REPORT_NANOS; // the first bytes show at once: the download has begun
            progress.accept(new Progress(Progress.Step.DOWNLOADING, 0, total, 0));
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = body.byteStream(); OutputStream out = create(to)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    write(out, buffer, n);
                    sha.update(buffer, 0, n);
                    bytes += n;
                    long now = System.nanoTime();
                    if (now - reported >= REPORT_NANOS) {
                        reported = now;
                        progress.accept(new Progress(Progress.Step.DOWNLOADING, bytes, total, speed(bytes, start, now)));
                    }
                }
            }
            if (total >= 0 && bytes != total) {
                throw new IOException("unexpected end of stream");
            }
            progress.accept(new Progress(Progress.Step.DOWNLOADING, bytes, Math.max(total, bytes),
                    speed(bytes, start, System.nanoTime())));
        } catch (IOException e) {
            if (cancelled) {
                throw new InstallException.Cancelled();
            }
            if (bytes > 0) {
                throw new InstallException("The download of " + release.archiveName() + " from " + url.host()
                        + " broke off after " + Progress.megabytes(bytes)
                        + (total > 0 ? " of " + Progress.megabytes(total) : "") + " (" + InstallException.reason(e)
                        + "); try again. "
                        + "Nothing was installed.");
            }
            throw InstallException.network(e, url);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // Writing fails for reasons of this machine (a full disk), reading for the network's: told apart here.

    private OutputStream create(Path file) throws InstallException {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw InstallException.local(e, tools.dir());
        }
    }

    private void write(OutputStream out, byte[] buffer, int n) throws InstallException {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw InstallException.local(e, tools.dir());
        }
    }

    private Response execute(HttpUrl url) throws IOException {
        Call c = http.newCall(new Request.Builder().url(url).header("User-Agent", "ml-observatory").build());
        call = c;
        if (cancelled) {
            c.cancel();
        }
        return c.execute();
    }

    /** The body of a 200 answer that is not a web page; otherwise the failure in words, {@code missing} for a 404. */
    private static ResponseBody body(Response r, Release release, String expected, String missing)
            throws InstallException {
        HttpUrl url = r.request().url();
        if (r.code() == 404) {
            throw new InstallException(missing);
        }
        if (!r.isSuccessful()) {
            throw new InstallException(url + " answered HTTP " + r.code()
                    + (r.message().isBlank() ? "" : " " + r.message()) + "; nothing was installed.");
        }
        if (html(r.body().contentType())) {
            throw notAMirror(release, url + " answered a web page, not " + expected);
        }
        return r.body();
    }

    private void checkCancelled() throws InstallException {
        if (cancelled) {
            throw new InstallException.Cancelled();
        }
    }

    private static boolean html(MediaType type) {
        return type != null && type.subtype().toLowerCase(Locale.ROOT).contains("html");
    }

    private static InstallException notAMirror(Release release, String what) {
        return new InstallException(release.mirrorText() + " is not " + release.tool().withArticle()
                + " release mirror: " + what + ".");
    }

    private static double speed(long bytes, long startNanos, long nowNanos) {
        return nowNanos > startNanos ? bytes * 1e9 / (nowNanos - startNanos) : 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
