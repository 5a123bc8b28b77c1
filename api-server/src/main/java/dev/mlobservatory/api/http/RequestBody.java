package dev.mlobservatory.api.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads a JSON request body within a byte limit, checking its media type first. */
public final class RequestBody {

    private RequestBody() {
    }

    /** 415 unless the request says it carries JSON ({@code application/json} or a {@code +json} type). */
    public static void requireJson(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
            throw ApiException.unsupportedMediaType("Content-Type must be application/json, got "
                    + (type == null ? "none" : "'" + type + "'"));
        }
    }

    /**
     * The body's bytes; 413 as soon as it is known to exceed {@code limit}
     * (from {@code Content-Length} before reading, or while reading a chunked body).
     */
    public static byte[] read(HttpServerExchange exchange, int limit) {
        long declared = exchange.getRequestContentLength();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try {
            InputStream in = exchange.getInputStream();
            if (declared >= 0) {
                // The usual case (curl, OkHttp, wrk send Content-Length): one read of exactly that many bytes,
                // no scratch buffer and no copy. It was the largest cost predict added over /health (PERFORMANCE.md).
                return in.readNBytes((int) declared);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // Undertow's own entity-size guard and dropped connections both land here.
            throw ApiException.badRequest(null, "could not read the request body: " + e.getMessage());
        }
    }

    static ApiException tooLarge(int limit) {
        return ApiException.tooLarge(null, "request body is larger than " + (limit / 1024) + " KiB");
    }
}
