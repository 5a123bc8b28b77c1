package dev.mlobservatory.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * One raw TCP connection to the API, for what an HTTP client library will not do: stop half-way through a head or a
 * body, send a malformed chunk, or hold a connection open. Every wait has a deadline; nothing sleeps a fixed time.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static RawHttp connect(int port) {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            s.setTcpNoDelay(true);
            return new RawHttp(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} (ISO-8859-1, as HTTP heads are). */
    public RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttp send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and reports whether the server still took it (false once it has closed or reset the connection). */
    public boolean trySend(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads until the server closes the connection (or resets it) or {@code deadline} passes.
     *
     * @return what came back, and whether the connection was closed within the deadline
     */
    public Outcome awaitClose(Duration deadline) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        try {
            while (true) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int n = in.read(buffer);
                if (n < 0) {
                    closed = true;
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // still open at the deadline
        } catch (IOException e) {
            closed = true; // reset by the server
        }
        return new Outcome(received.toString(StandardCharsets.ISO_8859_1), closed,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Reads one response (head and a Content-Length body) within {@code deadline}; null if none came. */
    public Response readResponse(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        byte[] one = new byte[4096];
        try {
            while (true) {
                Response r = Response.parse(received.toString(StandardCharsets.ISO_8859_1));
                if (r != null) {
                    byte[] all = received.toByteArray();
                    received.reset();
                    received.write(all, r.length(), all.length - r.length());
                    return r;
                }
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return null;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                int n = in.read(one);
                if (n < 0) {
                    return null;
                }
                received.write(one, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }

    /** Polls {@code condition} until it holds or {@code deadline} passes. */
    public static boolean await(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // a polling interval, not a timing assumption
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** What a connection saw before it was closed, or before the deadline. */
    public record Outcome(String received, boolean closed, Duration elapsed) {
        /** The status code of the first response, or -1 when nothing came. */
        public int status() {
            Response r = Response.parse(received);
            return r == null ? (received.startsWith("HTTP/1.1 ") ? Integer.parseInt(received.substring(9, 12)) : -1)
                    : r.status();
        }
    }

    /** One parsed response. */
    public record Response(int status, String head, String body, int length) {
        static Response parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            if (end < 0 || !text.startsWith("HTTP/1.")) {
                return null;
            }
            String head = text.substring(0, end);
            int contentLength = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(line.substring(15).trim());
                }
            }
            int total = end + 4 + contentLength;
            if (text.length() < total) {
                return null;
            }
            return new Response(Integer.parseInt(head.substring(9, 12)), head, text.substring(end + 4, total), total);
        }

        public boolean hasHeader(String name, String value) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ": "
                    + value.toLowerCase(Locale.ROOT));
        }
    }
}
