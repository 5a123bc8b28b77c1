package dev.mlobservatory.console.install;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/**
 * Why Prometheus or Alertmanager could not be installed, in one line a user can act on: the console shows it as
 * state, the command prints it on stderr. Nothing is left half-installed when one is thrown. The network's and the
 * disk's exceptions are put into words here, in one place.
 */
public class InstallException extends Exception {

    private static final long serialVersionUID = 1L;

    public InstallException(String message) {
        super(message.replaceAll("\\s*\\R\\s*", " ")); // one line, whatever a server or the OS put in it
    }

    /** A failure to reach or read from {@code url}, in words. */
    static InstallException network(IOException e, HttpUrl url) {
        String host = url.host();
        if (e instanceof UnknownHostException) {
            return new InstallException("No network: cannot find " + host + " (offline, or behind a proxy: set "
                    + "https_proxy).");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            // OkHttp's own message repeats the address; the socket's, underneath, says what happened.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? reason(e) : root.getMessage().toLowerCase(Locale.ROOT);
            return new InstallException("No network: cannot connect to " + host + ":" + url.port() + " (" + why + ").");
        }
        if (e instanceof InterruptedIOException) {
            return new InstallException(host + " did not answer within " + DownloadClient.SILENCE.toSeconds()
                    + " s; try again later.");
        }
        if (e instanceof SSLException) {
            return new InstallException("No secure connection to " + host + ": " + reason(e) + ".");
        }
        return new InstallException("Could not download from " + host + ": " + reason(e) + ".");
    }

    /** A failure of this machine's disk, in words. */
    static InstallException local(IOException e, Path tools) {
        if (diskFull(e)) {
            return new InstallException("Disk full: no space left on the device of " + tools + "; free some space "
                    + "and try again. Nothing was installed.");
        }
        if (e instanceof AccessDeniedException) {
            return new InstallException("Cannot write to " + tools + ": permission denied. Nothing was installed.");
        }
        return new InstallException("Could not install into " + tools + ": " + reason(e) + ". Nothing was installed.");
    }

    static boolean diskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The user (Cancel, Ctrl+C) stopped the install. */
    public static final class Cancelled extends InstallException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("Cancelled; nothing was installed.");
        }
    }
}
