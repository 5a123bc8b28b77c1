package dev.mlobservatory.api.http;

import io.undertow.util.StatusCodes;

/**
 * A failure with a known HTTP status: one the client caused (with the request field to blame, where one is), or
 * an injected fault.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final String allow;

    private ApiException(int status, String message, String field, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.allow = allow;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(StatusCodes.BAD_REQUEST, message, field, null);
    }

    public static ApiException tooLarge(String field, String message) {
        return new ApiException(StatusCodes.REQUEST_ENTITY_TOO_LARGE, message, field, null);
    }

    /** 408: the client did not send its request (the body) in time; the connection is closed after the answer. */
    public static ApiException requestTimeout(String message) {
        return new ApiException(StatusCodes.REQUEST_TIME_OUT, message, null, null);
    }

    /** 431: the request line and headers together are larger than the limit. */
    public static ApiException headTooLarge(String message) {
        return new ApiException(StatusCodes.REQUEST_HEADER_FIELDS_TOO_LARGE, message, null, null);
    }

    /** 503: the server cannot take this request now (a full queue); the client may retry. */
    public static ApiException unavailable(String message) {
        return new ApiException(StatusCodes.SERVICE_UNAVAILABLE, message, null, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(StatusCodes.UNSUPPORTED_MEDIA_TYPE, message, null, null);
    }

    public static ApiException notFound(String message) {
        return new ApiException(StatusCodes.NOT_FOUND, message, null, null);
    }

    /** 405; {@code allow} is the value of the {@code Allow} header, e.g. "POST". */
    public static ApiException methodNotAllowed(String message, String allow) {
        return new ApiException(StatusCodes.METHOD_NOT_ALLOWED, message, null, allow);
    }

    public int status() {
        return status;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** The methods to list in {@code Allow}, or null. */
    public String allow() {
        return allow;
    }
}
