package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.stack.DockerHost;
import dev.mlobservatory.console.stack.ReceiverEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver over real HTTP: 200 and the listener for a good notification; 404, 405, 413, 415 and 400 (with one
 * line of reason, nothing stored) for the rest; clients that stall or reset half-way do not stop good posts; many
 * posts at once are all taken; the Docker port says so when it is taken.
 */
class ConsoleReceiverTest {

    private static final MediaType JSON = MediaType.get("application/json");

    private final List<WebhookMessage> received = new CopyOnWriteArrayList<>();
    private int dockerPort;
    private final ConsoleReceiver receiver = new ConsoleReceiver(() -> dockerPort, received::add);
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(30, TimeUnit.SECONDS).build();
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        receiver.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private String url() {
        return receiver.localUrl();
    }

    private Answer post(String url, String body, MediaType type) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, type)).build();
        try (Response r = http.newCall(request).execute()) {
            return new Answer(r.code(), r.body().string(), r.header("Allow"));
        }
    }

    private record Answer(int code, String text, String allow) {
    }

    @Test
    void listensOnLoopbackFromConstruction() {
        assertThat(url()).matches("http://127\\.0\\.0\\.1:\\d+/webhook");
    }

    @Test
    void aGoodNotificationIs200AndReachesTheListener() throws Exception {
        Answer a = post(url(), Payloads.FIRING, JSON);

        assertThat(a.code()).isEqualTo(200);
        assertThat(received).singleElement().extracting(WebhookMessage::alertName).isEqualTo("APIDown");
    }

    @Test
    void aBadBodyIs400WithOneLineAndNothingIsStored() throws Exception {
        Answer a = post(url(), Payloads.FIRING.replace("\"version\": \"4\"", "\"version\": \"3\""), JSON);

        assertThat(a.code()).isEqualTo(400);
        assertThat(a.text()).isEqualTo("bad notification: version must be \"4\", got \"3\"\n");
        assertThat(post(url(), "{not json", JSON).text()).startsWith("bad notification: the body is not JSON");
        assertThat(received).isEmpty();
    }

    @Test
    void otherMethodsAre405AndOtherPaths404() throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url()).get().build()).execute()) {
            assertThat(r.code()).isEqualTo(405);
            assertThat(r.header("Allow")).isEqualTo("POST");
        }
        String other = url().replace(ReceiverEndpoint.WEBHOOK_PATH, "/alerts");
        assertThat(post(other, Payloads.FIRING, JSON).code()).isEqualTo(404);
        assertThat(post(url() + "/", Payloads.FIRING, JSON).code()).isEqualTo(404);
        assertThat(received).isEmpty();
    }

    @Test
    void anythingButJsonIs415() throws Exception {
        Answer a = post(url(), Payloads.FIRING, MediaType.get("text/plain"));

        assertThat(a.code()).isEqualTo(415);
        assertThat(a.text()).isEqualTo("send JSON (Content-Type: application/json)\n");
        assertThat(received).isEmpty();
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws Exception {
        Socket s = connect();
        send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + (WebhookServer.MAX_BODY_BYTES + 1) + "\r\n\r\n");

        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(received).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() throws Exception {
        Socket s = connect();
        int size = WebhookServer.MAX_BODY_BYTES + 1;
        send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(size) + "\r\n");
        s.getOutputStream().write(new byte[size]);
        s.getOutputStream().flush();

        assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        assertThat(received).isEmpty();
    }

    @Test
    void clientsThatStallHalfWayDoNotStopAGoodPost() throws Exception {
        // More stalled clients than the receiver has worker threads: the bodies are read as they arrive, so none
        // of them holds a thread.
        for (int i = 0; i < 6; i++) {
            Socket s = connect();
            send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000"
                    + "\r\n\r\n{\"version\":\"4\",");
        }

        for (int i = 0; i < 4; i++) {
            assertThat(post(url(), Payloads.firing("Alert" + i), JSON).code()).isEqualTo(200);
        }
        assertThat(received).hasSize(4);
    }

    @Test
    void aClientThatStallsIsCutOffAtTheBodysDeadline() throws Exception {
        Socket s = connect();
        send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000"
                + "\r\n\r\n{\"version\":\"4\",");

        // The server closes the connection BODY_TIMEOUT_MS after the head; the socket's own 30 s timeout only
        // catches a server that never does (as Undertow's IDLE_TIMEOUT alone did not).
        int read;
        try {
            read = s.getInputStream().read();
        } catch (java.net.SocketException reset) {
            read = -1;
        }
        assertThat(read).as("the stalled connection was closed").isEqualTo(-1);
        assertThat(received).isEmpty();
    }

    @Test
    void itsThreadsAreDaemons() throws Exception {
        assertThat(post(url(), Payloads.FIRING, JSON).code()).isEqualTo(200);

        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("receiver"))
                .isNotEmpty().allMatch(Thread::isDaemon);
    }

    @Test
    void aClientThatResetsHalfWayLeavesNothingAndTheNextPostWorks() throws Exception {
        Socket s = connect();
        send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000"
                + "\r\n\r\n" + Payloads.FIRING.substring(0, 200));
        s.setSoLinger(true, 0);
        s.close(); // a reset, not an orderly close

        assertThat(post(url(), Payloads.FIRING, JSON).code()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void manyPostsAtOnceAreAllTaken() throws Exception {
        int posts = 60;
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> codes = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                String body = Payloads.firing("Alert" + i);
                codes.add(clients.submit(() -> post(url(), body, JSON).code()));
            }
            for (Future<Integer> code : codes) {
                assertThat(code.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(received).hasSize(posts);
        assertThat(received).extracting(WebhookMessage::alertName).doesNotHaveDuplicates();
    }

    @Test
    void theDockerPortOpensClosesAndSaysWhenItIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(DockerHost.address(), 0));
            dockerPort = taken.getLocalPort();
            assertThatThrownBy(receiver::openForDocker)
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot receive notifications on " + DockerHost.address() + ":" + dockerPort
                            + ": the port is already in use");
        }
        // Free now: it opens, answers like the loopback one, and closes (twice is fine).
        String docker = receiver.openForDocker();
        assertThat(URI.create(docker).getPort()).isEqualTo(dockerPort);
        assertThat(receiver.openForDocker()).isEqualTo(docker);
        assertThat(post(docker, Payloads.FIRING, JSON).code()).isEqualTo(200);
        receiver.closeForDocker();
        receiver.closeForDocker();
        assertThatThrownBy(() -> post(docker, Payloads.FIRING, JSON)).isInstanceOf(IOException.class);
        assertThat(received).hasSize(1);
    }

    private Socket connect() throws IOException {
        URI u = URI.create(url());
        Socket s = new Socket(u.getHost(), u.getPort());
        s.setSoTimeout(30_000); // only catches a hang
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
