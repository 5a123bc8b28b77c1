package dev.mlobservatory.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSession;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The tests' HTTP client: takes and gives the JDK's {@link HttpRequest} and {@link HttpResponse} (what the tests are
 * written against) but sends them with OkHttp. The JDK client (17 and 25 alike) fails about one request in 25,000
 * with "HTTP/1.1 header parser received no bytes" when a fast answer (a 400 in under a millisecond) arrives on a
 * connection it has just taken back from its pool: it closes the connection as if the data had come while idle. The
 * server had handled the request (its counters said so), so a retry would count it twice, and an exact-counter test
 * fails. OkHttp reads only while it waits for an answer; it never retries here, so each request is sent once.
 */
final class TestClient implements AutoCloseable {

    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false)
            .build();

    HttpResponse<String> send(HttpRequest request) throws IOException {
        Request.Builder out = new Request.Builder().url(request.uri().toString());
        request.headers().map().forEach((name, values) -> values.forEach(v -> out.addHeader(name, v)));
        String type = request.headers().firstValue("Content-Type").orElse(null);
        // The JDK gives GET and HEAD an empty publisher; OkHttp wants no body for them at all.
        boolean bodiless = request.method().equals("GET") || request.method().equals("HEAD");
        RequestBody body = bodiless ? null : request.bodyPublisher()
                .map(p -> RequestBody.create(bytes(p), type == null ? null : MediaType.parse(type)))
                .orElse(RequestBody.create(new byte[0], null));
        out.method(request.method(), body);
        var call = http.newCall(out.build());
        request.timeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
        try (Response response = call.execute()) {
            return new Answer(request, response.code(), HttpHeaders.of(response.headers().toMultimap(), (k, v) -> true),
                    response.body().string());
        }
    }

    /** The bytes a JDK body publisher gives (the tests' bodies are small strings, published at once). */
    private static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        List<ByteBuffer> parts = new ArrayList<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                parts.add(item);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
                ByteBuffer all = ByteBuffer.allocate(size);
                parts.forEach(all::put);
                done.complete(all.array());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the request body", e);
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A JDK-shaped answer. */
    private record Answer(HttpRequest request, int statusCode, HttpHeaders headers, String body)
            implements HttpResponse<String> {

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
