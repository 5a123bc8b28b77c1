package dev.mlobservatory.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The warm-up's HTTP/1.1 client: one kept-alive loopback connection, each request written in one piece with
 * {@code TCP_NODELAY}, each answer read to the end of its {@code Content-Length}. A library client would do, but
 * {@code HttpURLConnection} sends a head and its body in two writes (Nagle's algorithm and delayed ACKs then cost
 * 40 ms a request) and warms itself up at the same time, which is not what the warm-up is for.
 */
final class LoopbackClient implements AutoCloseable {

    private final int port;
    private final int timeoutMs;
    private Socket socket;
    private InputStream in;
    /** The Content-Type of the last answer read, or null when it had none. */
    private String contentType;

    LoopbackClient(int port, int timeoutMs) {
        this.port = port;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Sends one request and reads its answer.
     *
     * @param body the JSON body, or null for none
     * @param accept the Accept header, or null for none
     * @return the status code
     * @throws IOException when the connection fails or the answer is not one this API sends
     */
    int exchange(String method, String path, String body, String accept) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMs);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMs);
            in = new BufferedInputStream(socket.getInputStream());
        }
        try {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n");
            if (accept != null) {
                head.append("Accept: ").append(accept).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + content.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(content, 0, request, headBytes.length, content.length);
            socket.getOutputStream().write(request);
            return readAnswer();
        } catch (IOException e) {
            close(); // the next request starts on a fresh connection
            throw e;
        }
    }

    /** Reads a status line, headers and a Content-Length body (every answer of this API has one). */
    private int readAnswer() throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        long length = -1;
        boolean closes = false;
        contentType = null;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = header.substring(13).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length: " + status);
        }
        in.skipNBytes(length); // throws when the body is cut short
        if (closes) {
            close();
        }
        return Integer.parseInt(parts[1]);
    }

    /** The Content-Type of the last answer, or null when it had none. */
    String contentType() {
        return contentType;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a loopback socket we are done with: nothing to do about it
            }
            socket = null;
            in = null;
        }
    }
}
