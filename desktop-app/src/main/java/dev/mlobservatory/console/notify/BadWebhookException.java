package dev.mlobservatory.console.notify;

/** A webhook body the receiver refuses (answered 400): the message is one line, fit for the sender and the log. */
public final class BadWebhookException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadWebhookException(String message) {
        super(message);
    }
}
