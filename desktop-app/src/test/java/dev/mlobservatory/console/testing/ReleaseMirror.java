package dev.mlobservatory.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.install.Platform;
import dev.mlobservatory.console.install.Tool;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Prometheus (or Alertmanager) release mirror on 127.0.0.1 and a free port, in GitHub's layout
 * ({@code /v<V>/<archive>}, {@code /v<V>/sha256sums.txt}), with archives built from the real prometheus (or
 * alertmanager) binary the tests find: a tar.gz for this machine (made by the system's tar, so the reader meets a
 * real one) and a Windows zip. The archives are built once per tool and JVM. A {@link Mode} makes it misbehave as
 * mirrors do. Close it at the test's end.
 */
public final class ReleaseMirror implements AutoCloseable {

    /** The Prometheus version served; an Alertmanager mirror serves {@link Tool#ALERTMANAGER_VERSION}. */
    public static final String VERSION = "3.5.3";

    /** How the mirror answers. */
    public enum Mode {
        /** As GitHub does. */
        NORMAL,
        /** sha256sums.txt lists another hash for every archive. */
        WRONG_CHECKSUMS,
        /** Archives: the full Content-Length, half the bytes, then the connection closes. */
        TRUNCATED,
        /** Every path: 200 and a web page (a captive portal, a misconfigured server). */
        HTML,
        /** Archives: the first bytes, then nothing until the mirror is closed. */
        STALLED
    }

    private static final Map<Tool, Path> BUILT = new HashMap<>();

    private final Path root;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "release-mirror");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Mode mode = Mode.NORMAL;
    /** Paths asked for, in order. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    /** A Prometheus mirror. */
    public ReleaseMirror() throws IOException {
        this(Tool.PROMETHEUS);
    }

    public ReleaseMirror(Tool tool) throws IOException {
        root = layout(tool);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(threads);
        // A handler that throws makes the server drop the connection: how TRUNCATED cuts a body short.
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            answer(exchange);
            exchange.close();
        });
        server.start();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** The mirror's base URL, the part before {@code /v<V>/}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The Prometheus archive a Prometheus mirror has for {@code platform}, as served. */
    public static String archiveName(Platform platform) {
        return archiveName(Tool.PROMETHEUS, platform);
    }

    /** The archive a mirror of {@code tool} has for {@code platform}, as served. */
    public static String archiveName(Tool tool, Platform platform) {
        return tool.name() + "-" + version(tool) + "." + platform + (platform.windows() ? ".zip" : ".tar.gz");
    }

    /** The version a mirror of {@code tool} serves. */
    public static String version(Tool tool) {
        return tool == Tool.PROMETHEUS ? VERSION : tool.defaultVersion();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (mode == Mode.HTML) {
            send(exchange, 200, "text/html; charset=utf-8",
                    "<!doctype html><html><body><h1>Welcome to the school network</h1></body></html>"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "Not Found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] body = Files.readAllBytes(file);
        boolean archive = !path.endsWith(".txt");
        if (!archive && mode == Mode.WRONG_CHECKSUMS) {
            body = new String(body, StandardCharsets.UTF_8).replaceAll("(?m)^[0-9a-f]{8}", "00000000")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (archive && mode == Mode.TRUNCATED) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("cut short on purpose");
        }
        if (archive && mode == Mode.STALLED) {
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, 256 * 1024);
            out.flush();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled on purpose");
        }
        send(exchange, 200, archive ? "application/octet-stream" : "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    // --- the archives, built once --------------------------------------------------------------------------

    /** The mirror's folder; skips the test locally without the tool's binary, fails it on CI. */
    private static synchronized Path layout(Tool tool) throws IOException {
        Path built = BUILT.get(tool);
        if (built != null) {
            return built;
        }
        // The real main binary (a release's is what runs); the helper (promtool, amtool) a script that says its name.
        String main = tool == Tool.PROMETHEUS ? Tools.require("prometheus") : Tools.alertmanager().path();
        String name = tool.name();
        String helper = tool.binaries().get(1);
        String version = version(tool);
        String tar = Tools.require("tar");
        Path dir = Files.createTempDirectory("release-mirror-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        Path release = Files.createDirectories(dir.resolve("v" + version));
        Platform here;
        try {
            here = Platform.current();
        } catch (Exception e) {
            throw new IllegalStateException("the tests need a machine Prometheus publishes releases for", e);
        }
        // The official tar.gz for this machine: <tool>-<V>.<os>-<arch>/ with the binaries and the papers.
        Path stage = dir.resolve("stage");
        String top = name + "-" + version + "." + here;
        Path folder = Files.createDirectories(stage.resolve(top));
        Files.copy(Path.of(main), folder.resolve(name));
        Files.writeString(folder.resolve(helper), "#!/bin/sh\necho '" + helper + ", version " + version + "'\n");
        Files.setPosixFilePermissions(folder.resolve(helper), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(folder.resolve("LICENSE"), "Apache License 2.0\n");
        Files.writeString(folder.resolve("NOTICE"), "The Prometheus systems and service monitoring server\n");
        Files.writeString(folder.resolve(name + ".yml"), "global: {}\n"); // in the release, not needed by us
        Path tarGz = release.resolve(archiveName(tool, here));
        run(tar, "--use-compress-program=gzip -1", "-cf", tarGz.toString(), "-C", stage.toString(), top);
        // The Windows zip, with the same Linux binary as prometheus.exe: what counts is the layout.
        Platform windows = new Platform("windows", "amd64");
        Path zip = release.resolve(archiveName(tool, windows));
        String zipTop = name + "-" + version + "." + windows + "/";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_SPEED);
            out.putNextEntry(new ZipEntry(zipTop));
            for (String[] entry : List.of(new String[] {name + ".exe", main},
                    new String[] {helper + ".exe", folder.resolve(helper).toString()},
                    new String[] {"LICENSE", folder.resolve("LICENSE").toString()})) {
                out.putNextEntry(new ZipEntry(zipTop + entry[0]));
                Files.copy(Path.of(entry[1]), out);
                out.closeEntry();
            }
        }
        deleteTree(stage);
        // sha256sums.txt as the release has it: one line per archive, "<hex>  <name>".
        StringBuilder sums = new StringBuilder();
        sums.append("0".repeat(64)).append("  ").append(name).append("-").append(version)
                .append(".netbsd-386.tar.gz\n");
        for (Path archive : List.of(tarGz, zip)) {
            sums.append(sha256(archive)).append("  ").append(archive.getFileName()).append('\n');
        }
        // Listed, but its file is missing: a mirror that lacks one platform's archive.
        sums.append("1".repeat(64)).append("  ").append(name).append("-").append(version)
                .append(".darwin-arm64.tar.gz\n");
        Files.writeString(release.resolve("sha256sums.txt"), sums.toString());
        BUILT.put(tool, dir);
        return dir;
    }

    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
