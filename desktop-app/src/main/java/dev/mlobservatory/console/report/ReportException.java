package dev.mlobservatory.console.report;

/** A report that could not be written; the message is a sentence to show the student as it is. */
public final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
