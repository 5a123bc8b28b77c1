package dev.mlobservatory.console.silence;

/**
 * Alertmanager answered, and said no: the message is its own words (for example "invalid silence: invalid label
 * matcher 0 in set 0: invalid regular expression …"), with the HTTP status beside.
 */
public final class AlertmanagerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public AlertmanagerException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
