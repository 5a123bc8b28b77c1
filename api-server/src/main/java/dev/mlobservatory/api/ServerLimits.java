package dev.mlobservatory.api;

import java.time.Duration;

/**
 * How much a client may take from the server: time to send a request head and a body, time a connection may sit
 * idle, head size, open connections, and how long a stop waits for requests in flight. The reasons for each default
 * are in the README (API section) and docs/RELIABILITY.md.
 *
 * @param headerTimeout  time from the first byte of a request head to its end; the connection is closed after it
 * @param bodyTimeout    time from the end of the head to the end of the body; after it the request gets 408
 * @param idleTimeout    time a connection may wait for its next request (or its first) before it is closed
 * @param maxHeaderBytes request line plus headers; above it 431, and above 4× it the parser stops reading
 * @param maxConnections open connections; one more is answered 503 and closed
 * @param drain          time a stop gives requests in flight before the server closes regardless
 */
public record ServerLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxHeaderBytes,
                           int maxConnections, Duration drain) {

    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 8 * 1024, 512, Duration.ofSeconds(2));

    /** Undertow's parser stops reading a head at this multiple of {@link #maxHeaderBytes()} (bare 400, closed). */
    public static final int HARD_HEADER_FACTOR = 4;

    public ServerLimits {
        positive("headerTimeout", headerTimeout);
        positive("bodyTimeout", bodyTimeout);
        positive("idleTimeout", idleTimeout);
        if (drain == null || drain.isNegative()) {
            throw new IllegalArgumentException("drain must be zero or more, got " + drain);
        }
        if (maxHeaderBytes < 1024 || maxHeaderBytes > 1024 * 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be in 1024..1048576, got " + maxHeaderBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    private static void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be between 1 ms and 24 days, got " + value);
        }
    }

    public ServerLimits withHeaderTimeout(Duration value) {
        return new ServerLimits(value, bodyTimeout, idleTimeout, maxHeaderBytes, maxConnections, drain);
    }

    public ServerLimits withBodyTimeout(Duration value) {
        return new ServerLimits(headerTimeout, value, idleTimeout, maxHeaderBytes, maxConnections, drain);
    }

    public ServerLimits withIdleTimeout(Duration value) {
        return new ServerLimits(headerTimeout, bodyTimeout, value, maxHeaderBytes, maxConnections, drain);
    }

    public ServerLimits withMaxConnections(int value) {
        return new ServerLimits(headerTimeout, bodyTimeout, idleTimeout, maxHeaderBytes, value, drain);
    }

    public ServerLimits withDrain(Duration value) {
        return new ServerLimits(headerTimeout, bodyTimeout, idleTimeout, maxHeaderBytes, maxConnections, value);
    }
}
