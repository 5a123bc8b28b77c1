package dev.mlobservatory.console.stack;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * The address the console listens on for Docker's containers (the loadgen exporter, the notification receiver):
 * where {@code host.docker.internal} (host-gateway) lands.
 */
public final class DockerHost {

    private DockerHost() {
    }

    /**
     * On Linux the docker0 bridge's address, so a port is open to containers and not to the network; loopback
     * elsewhere (Docker Desktop forwards the name to it) or when there is no bridge.
     */
    public static String address() {
        try {
            NetworkInterface bridge = NetworkInterface.getByName("docker0");
            if (bridge != null) {
                for (InetAddress a : Collections.list(bridge.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no bridge to ask: loopback, as on Docker Desktop
        }
        return "127.0.0.1";
    }
}
