package dev.mlobservatory.api;

/**
 * Where the API listens, whether it takes fault-injection commands, and the limits it puts on clients.
 *
 * @param host address to bind, 127.0.0.1 by default; 0.0.0.0 in a container
 * @param port TCP port, 0 for any free one
 * @param faultsEnabled serve {@code /admin/faults} (classroom demonstrations); off unless asked for
 * @param limits timeouts, header size, connection cap and drain period
 */
public record ApiConfig(String host, int port, boolean faultsEnabled, ServerLimits limits) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ApiConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
    }

    /** With the default limits (what the console's in-process API uses). */
    public ApiConfig(String host, int port, boolean faultsEnabled) {
        this(host, port, faultsEnabled, ServerLimits.DEFAULTS);
    }

    /** Without fault injection. */
    public ApiConfig(String host, int port) {
        this(host, port, false);
    }

    /** Loopback on a free port: what tests use. */
    public static ApiConfig loopbackAnyPort() {
        return new ApiConfig(DEFAULT_HOST, 0);
    }

    public ApiConfig withFaults(boolean enabled) {
        return new ApiConfig(host, port, enabled, limits);
    }

    public ApiConfig withLimits(ServerLimits value) {
        return new ApiConfig(host, port, faultsEnabled, value);
    }
}
