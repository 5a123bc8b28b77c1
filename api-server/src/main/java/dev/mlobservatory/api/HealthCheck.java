package dev.mlobservatory.api;

import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health probe: exit 0 when {@code /health} answers 200 within two seconds, 1 otherwise.
 * Written in Java because the JRE image is the one tool the runtime image is sure to have (no curl, no wget).
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/health";
        System.exit(check(url) ? 0 : 1);
    }

    static boolean check(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            c.disconnect();
            return status == 200;
        } catch (Exception e) {
            System.err.println("health check of " + url + " failed: " + e.getMessage());
            return false;
        }
    }
}
