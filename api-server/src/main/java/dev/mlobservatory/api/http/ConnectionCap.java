package dev.mlobservatory.api.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

/**
 * Accepts connections up to a cap and answers one more with a plain 503 and the JSON error body, then closes it.
 * Without a cap, connections that hold on until the file-descriptor limit leave nothing for anyone (accept fails and
 * the listener spins); XNIO's own high-water mark would instead leave new clients hanging in the backlog.
 */
public final class ConnectionCap implements ChannelListener<AcceptingChannel<StreamConnection>> {

    /** How long a refused connection stays open after the 503, so the client reads it before the close. */
    private static final long LINGER_MILLIS = 1000;

    private final int max;
    private final ChannelListener<? super StreamConnection> open;
    private final Runnable onRefused;
    private final Runnable onParseFailure;
    private final AtomicInteger count = new AtomicInteger();
    private final byte[] refusal;

    /**
     * @param open      Undertow's HTTP open listener, which takes every connection under the cap
     * @param onRefused counts a refusal (metrics)
     * @param onParseFailure counts a request Undertow's parser rejected before any handler saw it (metrics)
     */
    public ConnectionCap(int max, ChannelListener<? super StreamConnection> open, Runnable onRefused,
                         Runnable onParseFailure) {
        this.max = max;
        this.open = open;
        this.onRefused = onRefused;
        this.onParseFailure = onParseFailure;
        byte[] body = ("{\"error\":\"too many open connections (at most " + max + "); retry shortly\",\"field\":null}")
                .getBytes(StandardCharsets.UTF_8);
        this.refusal = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Open connections now (refused ones not included). */
    public int open() {
        return count.get();
    }

    @Override
    public void handleEvent(AcceptingChannel<StreamConnection> server) {
        StreamConnection connection;
        try {
            connection = server.accept();
        } catch (IOException e) {
            return; // the peer gave up already, or descriptors ran out: nothing to answer
        }
        if (connection == null) {
            return;
        }
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            refuse(connection);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        };
        connection.getSinkChannel().setConduit(
                new ParseFailureConduit(connection.getSinkChannel().getConduit(), onParseFailure));
        ChannelListeners.invokeChannelListener(connection, open);
        // Undertow sets its own close listener when it takes the connection: chain ours after it. If the connection
        // closed already (a request it rejected at once), that listener has run and ours must count it here.
        ChannelListener<? super StreamConnection> undertows = connection.getCloseListener();
        connection.setCloseListener(c -> {
            release.run();
            ChannelListeners.invokeChannelListener(c, undertows);
        });
        if (!connection.isOpen()) {
            release.run();
        }
    }

    private void refuse(StreamConnection connection) {
        onRefused.run();
        try {
            connection.getSinkChannel().write(ByteBuffer.wrap(refusal)); // ~200 bytes: the socket buffer takes them
            connection.getSinkChannel().shutdownWrites();
            connection.getSinkChannel().flush();
            connection.getIoThread().executeAfter(() -> IoUtils.safeClose(connection), LINGER_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            IoUtils.safeClose(connection);
        }
    }
}
