package dev.mlobservatory.api;

import dev.mlobservatory.api.http.ConnectionCap;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The socket side of the API: an XNIO worker, Undertow's HTTP/1.1 parser with the limits of {@link ServerLimits},
 * and the {@link ConnectionCap} in front of it. Assembled here rather than with {@code Undertow.builder()} because the
 * builder cannot put anything between accepting a connection and parsing it, and its stop waits without a bound for
 * worker threads to finish. Buffers, IO threads and socket options are the builder's defaults.
 */
final class HttpListener {

    private final XnioWorker worker;
    private final HttpOpenListener http;
    private final AcceptingChannel<StreamConnection> server;
    private final ConnectionCap cap;

    private HttpListener(XnioWorker worker, HttpOpenListener http, AcceptingChannel<StreamConnection> server,
                         ConnectionCap cap) {
        this.worker = worker;
        this.http = http;
        this.server = server;
        this.cap = cap;
    }

    static HttpListener open(ApiConfig config, int workerThreads, HttpHandler root, Runnable onRefused,
                             Runnable onParseFailure)
            throws IOException {
        ServerLimits limits = config.limits();
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        XnioWorker worker = Xnio.getInstance(HttpListener.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_IO_THREADS, ioThreads)
                .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
                .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
                .set(Options.WORKER_NAME, "api")
                .set(Options.TCP_NODELAY, true)
                .set(Options.CORK, true)
                .getMap());
        try {
            OptionMap http = OptionMap.builder()
                    .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                    // A head must be complete this long after its first byte arrived, or the connection is closed.
                    .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) limits.headerTimeout().toMillis())
                    // A connection with no request in progress (kept alive, or never used) is closed after this.
                    .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) limits.idleTimeout().toMillis())
                    // The route table answers 431 above maxHeaderBytes; the parser stops reading at 4× that.
                    .set(UndertowOptions.MAX_HEADER_SIZE, limits.maxHeaderBytes() * ServerLimits.HARD_HEADER_FACTOR)
                    // The route table decodes the path itself, so a malformed escape gets the JSON 400 and is counted.
                    .set(UndertowOptions.DECODE_URL, false)
                    // A guard below the endpoints' own limits for bodies without Content-Length.
                    .set(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024L)
                    .getMap();
            HttpOpenListener open = new HttpOpenListener(buffers(), http);
            open.setRootHandler(root);
            ConnectionCap cap = new ConnectionCap(limits.maxConnections(), open, onRefused, onParseFailure);
            AcceptingChannel<StreamConnection> server = worker.createStreamConnectionServer(
                    new InetSocketAddress(config.host(), config.port()), cap, OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, 1000)
                            .getMap());
            // Bound but not accepting yet: connections wait in the backlog until accept() (after the warm-up).
            return new HttpListener(worker, open, server, cap);
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
    }

    /** Undertow's builder default: 16 KiB direct buffers (less on a tiny heap). */
    private static ByteBufferPool buffers() {
        long maxMemory = Runtime.getRuntime().maxMemory();
        if (maxMemory < 64L * 1024 * 1024) {
            return new DefaultByteBufferPool(false, 512, -1, 4);
        }
        if (maxMemory < 128L * 1024 * 1024) {
            return new DefaultByteBufferPool(true, 1024, -1, 4);
        }
        return new DefaultByteBufferPool(true, 1024 * 16 - 20, -1, 4);
    }

    InetSocketAddress address() {
        return server.getLocalAddress(InetSocketAddress.class);
    }

    ConnectionCap cap() {
        return cap;
    }

    /** Starts accepting connections; until then they wait in the backlog (a taken port has failed already). */
    HttpListener accept() {
        server.resumeAccepts();
        return this;
    }

    /** Stops accepting. */
    void stopAccepting() {
        IoUtils.safeClose(server);
    }

    /**
     * Closes every connection and stops the worker, interrupting tasks still running after {@code grace}: a stop
     * must end even when an endpoint does not.
     */
    void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        IoUtils.safeClose(server);
        http.closeConnections();
        // closeConnections() only asks each IO thread to close its connections, and a closing connection hands its
        // last steps back to that thread: shut the worker down first and the thread, terminating, refuses them,
        // which Undertow logs as an error with a stack trace (UT005090) on every stop with a client connected.
        while (cap.open() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        worker.shutdown();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!worker.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
