package dev.mlobservatory.api.chaos;

/**
 * A prediction made to fail on purpose through {@code /admin/faults}: a real failure for the client and the metrics,
 * and nothing to log. The domain's own type; the HTTP layer decides it is a 500 (in {@code ErrorMapper}).
 */
public final class InjectedFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InjectedFailure(String message) {
        super(message, null, false, false); // no stack trace: it is not a bug, and thousands may be thrown
    }
}
