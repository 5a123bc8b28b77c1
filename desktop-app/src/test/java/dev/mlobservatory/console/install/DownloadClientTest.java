package dev.mlobservatory.console.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.testing.ReleaseMirror;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy a school sets: the environment's, unless Java's own properties name one; loopback always direct. */
class DownloadClientTest {

    @TempDir
    Path home;

    /** What the selector falls back to: Java's default selector in the console. */
    private static final Proxy JAVAS = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("java-proxy", 8888));
    private static final ProxySelector FALLBACK = new ProxySelector() {
        @Override
        public List<Proxy> select(URI uri) {
            return List.of(JAVAS);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        }
    };

    private static Proxy select(Map<String, String> env, String url) {
        List<Proxy> chosen = new DownloadClient.EnvProxySelector(env, FALLBACK).select(URI.create(url));
        assertThat(chosen).hasSize(1);
        return chosen.get(0);
    }

    private static String address(Proxy p) {
        InetSocketAddress a = (InetSocketAddress) p.address();
        return a.getHostString() + ":" + a.getPort();
    }

    @Test
    void theEnvironmentsProxyIsUsedForTheScheme() {
        String github = "https://github.com/prometheus/prometheus/releases/download/v3.5.3/sha256sums.txt";
        assertThat(address(select(Map.of("https_proxy", "http://proxy.school.org:3128"), github)))
                .isEqualTo("proxy.school.org:3128");
        assertThat(address(select(Map.of("HTTPS_PROXY", "proxy.school.org"), github)))
                .as("no scheme, no port: curl's defaults").isEqualTo("proxy.school.org:1080");
        assertThat(select(Map.of("https_proxy", "http://proxy:3128"), "http://mirror.school.org/v3.5.3/x"))
                .as("http_proxy is another variable").isEqualTo(JAVAS);
        assertThat(address(select(Map.of("http_proxy", "http://proxy:3128"), "http://mirror.school.org/v3.5.3/x")))
                .isEqualTo("proxy:3128");
    }

    @Test
    void loopbackAndNoProxyHostsGoDirect() {
        Map<String, String> env = Map.of("https_proxy", "http://proxy:3128", "http_proxy", "http://proxy:3128",
                "no_proxy", "localhost, .school.org,teacher-laptop:8000");
        assertThat(select(env, "http://127.0.0.1:8000/v3.5.3/x")).isEqualTo(Proxy.NO_PROXY);
        assertThat(select(env, "https://mirror.school.org/v3.5.3/x")).isEqualTo(Proxy.NO_PROXY);
        assertThat(select(env, "http://teacher-laptop:8000/v3.5.3/x")).isEqualTo(Proxy.NO_PROXY);
        assertThat(address(select(env, "https://github.com/x"))).isEqualTo("proxy:3128");
        assertThat(select(Map.of("https_proxy", "http://proxy:3128", "NO_PROXY", "*"), "https://github.com/x"))
                .isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void javasProxyPropertiesWin() {
        String before = System.getProperty("https.proxyHost");
        System.setProperty("https.proxyHost", "java-proxy");
        try {
            assertThat(select(Map.of("https_proxy", "http://proxy:3128"), "https://github.com/x")).isEqualTo(JAVAS);
        } finally {
            if (before == null) {
                System.clearProperty("https.proxyHost");
            } else {
                System.setProperty("https.proxyHost", before);
            }
        }
    }

    @Test
    void aDownloadGoesThroughTheProxy() throws Exception {
        // The test mirror answers proxy requests too (an absolute URL in the request line): it plays the proxy for a
        // mirror whose name resolves nowhere, so only a request through the proxy can succeed.
        try (ReleaseMirror proxy = new ReleaseMirror()) {
            OkHttpClient http = DownloadClient.of(new OkHttpClient(), Map.of("http_proxy", proxy.url()));
            try {
                Release release = Release.of(ReleaseMirror.VERSION, Platform.current(), "http://mirror.school.invalid");
                ReleaseInstaller.Result r = new ReleaseInstaller(http, ToolsFolder.of(home)).install(release, p -> { });
                assertThat(r.binary()).isExecutable();
                assertThat(proxy.requests).hasSize(2);
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }
}
