package dev.mlobservatory.console.stack;

import java.io.IOException;

/**
 * Where the console's traffic metrics (job {@code loadgen}) can be scraped: always on loopback for Local mode's
 * Prometheus, and on a fixed port of the host, opened only while a Docker stack runs, for the container's.
 */
public interface LoadgenEndpoint {

    /** No traffic metrics: the loadgen job is left out of Local mode's configuration. */
    LoadgenEndpoint NONE = new LoadgenEndpoint() {
        @Override
        public String localTarget() {
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

    /** host:port on loopback, known before any stack starts; null when there is none. */
    String localTarget();

    /**
     * Starts serving where Docker's Prometheus looks ({@code host.docker.internal} on the fixed port).
     *
     * @return where it listens, for the log
     * @throws IOException with a one-line message (e.g. the port is taken) fit for the log
     */
    String openForDocker() throws IOException;

    /** Stops serving for Docker; idempotent. */
    void closeForDocker();
}
