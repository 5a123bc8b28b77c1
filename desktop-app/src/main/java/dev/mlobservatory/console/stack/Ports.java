package dev.mlobservatory.console.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Port choice on loopback: the one asked for when it is free, else the next free one. */
public final class Ports {

    /** How far past a taken port to look before giving up on a nearby one. */
    static final int SEARCH = 20;

    private Ports() {
    }

    /** {@code preferred} if free, else the next free port above it, else any free port. */
    public static int pick(int preferred) {
        for (int port = preferred; port < preferred + SEARCH && port <= 65535; port++) {
            if (free(port)) {
                return port;
            }
        }
        return any();
    }

    public static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int any() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on 127.0.0.1", e);
        }
    }
}
