package dev.mlobservatory.api.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Locale;

/** An endpoint's view of its JSON request body: the media type, and the bytes its route read. */
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
     * The body's bytes, read before the endpoint ran (by {@link BodyReader}, within the route's byte limit and the body
     * timeout); throws the failure instead when reading it failed: 408, 413 or 400.
     *
     * @param limit the endpoint's own limit, which may be below the route's (a single flower within a batch route)
     */
    public static byte[] read(HttpServerExchange exchange, int limit) {
        ApiException failure = exchange.getAttachment(BodyReader.FAILURE);
        if (failure != null) {
            throw failure;
        }
        byte[] body = exchange.getAttachment(BodyReader.BODY);
        if (body == null) {
            throw new IllegalStateException(exchange.getRequestPath() + " reads a body but its route does not read one");
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    static ApiException tooLarge(int limit) {
        return ApiException.tooLarge(null, "request body is larger than " + (limit / 1024) + " KiB");
    }
}
