package dev.mlobservatory.console.prom;

import java.io.IOException;

/** Nothing answered at the address (not started, stopped, wrong port): a state to show, not a bug. */
public final class UnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreachableException(String what, String url, IOException cause) {
        super(what + " at " + url + " is not reachable (" + reason(cause) + ")", cause);
    }

    static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.io.InterruptedIOException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
