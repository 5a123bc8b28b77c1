package dev.mlobservatory.console.install;

/**
 * Why Prometheus could not be installed, in one line a user can act on: the console shows it as state, the
 * command prints it on stderr. Nothing is left half-installed when one is thrown.
 */
public class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message.replaceAll("\\s*\\R\\s*", " ")); // one line, whatever a server or the OS put in it
    }

    /** The user (Cancel, Ctrl+C) stopped the install. */
    public static final class Cancelled extends InstallException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("Cancelled; nothing was installed.");
        }
    }
}
