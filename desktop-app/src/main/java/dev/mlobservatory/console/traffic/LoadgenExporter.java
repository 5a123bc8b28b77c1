package dev.mlobservatory.console.traffic;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@link LoadgenMetrics} on {@code http://host:port/metrics} through client_java's HTTPServer (the JDK's
 * server underneath), until {@link #close()}: a scrape target like the API, for the client's side of the story.
 */
public final class LoadgenExporter implements AutoCloseable {

    /** Loopback unless asked otherwise: the numbers are harmless, but nothing should listen on a network by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Scrapes served at once: a client that stalls mid-request holds one thread, the others still answer. */
    static final int THREADS = 4;
    /**
     * The JDK server closes a connection whose request is not complete within this many seconds; otherwise a client
     * that sends half a request and waits would hold a thread for ever. The JDK reads it once, JVM-wide; nothing
     * else in this JVM uses that server (the API runs on Undertow), and a value set by the user is kept.
     */
    static final String MAX_REQUEST_SECONDS = "10";

    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        }
    }

    private final HTTPServer server;
    private final ExecutorService threads;
    private final String host;

    private LoadgenExporter(HTTPServer server, ExecutorService threads, String host) {
        this.server = server;
        this.threads = threads;
        this.host = host;
    }

    /**
     * @param port 0 for any free port
     * @throws IOException with a one-line message fit for the user when the port is taken or the host unknown
     */
    public static LoadgenExporter start(LoadgenMetrics metrics, String host, int port) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics port must be 0..65535, got " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IOException("cannot serve metrics on " + host + ": unknown host", e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor threads = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "loadgen-metrics-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        threads.allowCoreThreadTimeOut(true);
        try {
            HTTPServer server = HTTPServer.builder()
                    .inetAddress(address)
                    .port(port)
                    .registry(metrics.registry())
                    .executorService(threads)
                    .buildAndStart();
            return new LoadgenExporter(server, threads, host);
        } catch (BindException e) {
            threads.shutdownNow();
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": "
                    + (port == 0 ? "no free port" : "the port is already in use"), e);
        } catch (IOException | RuntimeException e) {
            threads.shutdownNow();
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on (the one chosen when asked for 0). */
    public int port() {
        return server.getPort();
    }

    /** Where Prometheus scrapes it, e.g. {@code 127.0.0.1:9465}. */
    public String target() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Stops serving and releases the port; idempotent. */
    @Override
    public void close() {
        server.close();
        threads.shutdownNow();
    }
}
