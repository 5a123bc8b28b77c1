package dev.mlobservatory.console.prom;

/**
 * Prometheus answered, and said no: {@code errorType} is Prometheus's own ({@code bad_data}, {@code timeout}, …),
 * the message is its words, e.g. "1:5: parse error: unexpected right parenthesis ')'".
 */
public final class PrometheusException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String errorType;

    public PrometheusException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }

    @Override
    public String toString() {
        return errorType + ": " + getMessage();
    }
}
