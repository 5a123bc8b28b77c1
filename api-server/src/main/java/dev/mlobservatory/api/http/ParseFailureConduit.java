package dev.mlobservatory.api.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

/**
 * Turns the bare 400 that Undertow's parser writes for a request it cannot parse ({@code /%zz}, a head over the hard
 * size limit, a malformed request line) into the API's JSON error body, and counts it. Those requests never reach a
 * handler, so without this they got an empty 400 and were missing from {@code http_server_request_duration_seconds}.
 * Undertow writes that response as one fixed string on the connection, which is what this recognises; every other
 * write passes through after one length comparison. A test fails if an Undertow upgrade changes the string.
 */
final class ParseFailureConduit extends AbstractStreamSinkConduit<StreamSinkConduit> {

    /** Undertow 2.4's response to an unparseable request (HttpReadListener.BAD_REQUEST). */
    private static final byte[] UNDERTOW_BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = ("{\"error\":\"the request could not be parsed as HTTP/1.1 (a malformed request "
            + "line, path escape or header, or a head over the size limit)\",\"field\":null}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] REPLACEMENT = concat(("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + BODY.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII), BODY);

    private final Runnable onParseFailure;
    private ByteBuffer replacing;

    ParseFailureConduit(StreamSinkConduit next, Runnable onParseFailure) {
        super(next);
        this.onParseFailure = onParseFailure;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (replacing == null && !isUndertowBadRequest(src)) {
            return next.write(src);
        }
        if (replacing == null) {
            replacing = ByteBuffer.wrap(REPLACEMENT);
            onParseFailure.run();
        }
        next.write(replacing);
        if (replacing.hasRemaining()) {
            return 0; // Undertow resumes writes and calls again with the same buffer
        }
        int n = src.remaining();
        src.position(src.limit());
        return n;
    }

    private static boolean isUndertowBadRequest(ByteBuffer src) {
        if (src.remaining() != UNDERTOW_BAD_REQUEST.length) {
            return false;
        }
        for (int i = 0; i < UNDERTOW_BAD_REQUEST.length; i++) {
            if (src.get(src.position() + i) != UNDERTOW_BAD_REQUEST[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
