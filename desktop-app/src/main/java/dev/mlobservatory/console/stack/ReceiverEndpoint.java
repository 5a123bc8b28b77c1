package dev.mlobservatory.console.stack;

import java.io.IOException;

/**
 * Where Alertmanager delivers its webhook notifications: the console's own receiver. Always on loopback for Local
 * mode's Alertmanager; on a fixed port of the host, opened only while a Docker stack runs, for the container's
 * ({@code host.docker.internal}, like {@link LoadgenEndpoint}).
 */
public interface ReceiverEndpoint {

    /** The path of the webhook on the receiver, in both modes. */
    String WEBHOOK_PATH = "/webhook";

    /** No receiver: Alertmanager is configured with a receiver that sends nowhere. */
    ReceiverEndpoint NONE = new ReceiverEndpoint() {
        @Override
        public String localUrl() {
            return null;
        }

        @Override
        public String openForDocker() {
            return null;
        }

        @Override
        public void closeForDocker() {
        }
    };

    /** The webhook's full URL on loopback, e.g. {@code http://127.0.0.1:41234/webhook}; null when there is none. */
    String localUrl();

    /**
     * Starts listening where Docker's Alertmanager posts ({@code host.docker.internal} on the fixed port).
     *
     * @return where it listens, for the log
     * @throws IOException with a one-line message (e.g. the port is taken) fit for the log
     */
    String openForDocker() throws IOException;

    /** Stops listening for Docker; idempotent. */
    void closeForDocker();
}
