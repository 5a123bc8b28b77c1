package dev.mlobservatory.api.reliability;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the reliability tests: stalled requests and HTTP counts read from /metrics. */
final class Stalled {

    static final String FLOWER = TestApi.flower(5.1, 3.5, 1.4, 0.2);

    private Stalled() {
    }

    /** {@code n} connections that send a head promising a body, then only half of it, and stop. */
    static List<RawHttp> bodies(int port, int n, String method, String path) {
        List<RawHttp> stalled = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stalled.add(RawHttp.connect(port).send(method + " " + path + " HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + FLOWER.length() + "\r\n\r\n"
                    + FLOWER.substring(0, FLOWER.length() / 2)));
        }
        return stalled;
    }

    /** The number of requests {@code http_server_request_duration_seconds} counted with these labels (0 if none). */
    static long httpCount(String exposition, String method, String route, int status) {
        Matcher m = Pattern.compile("http_server_request_duration_seconds_count\\{method=\"" + Pattern.quote(method)
                + "\",route=\"" + Pattern.quote(route) + "\",status=\"" + status + "\"} (\\S+)").matcher(exposition);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    static void closeAll(List<RawHttp> connections) {
        connections.forEach(RawHttp::close);
    }
}
