package dev.mlobservatory.console.install;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/**
 * The HTTP client for downloads: the console's client with no overall time limit (a 100 MB archive on a school's
 * network takes minutes) but a limit on silence, and the proxy a school sets. Java's own proxy properties
 * ({@code https.proxyHost}, …) win; otherwise {@code https_proxy}/{@code HTTPS_PROXY} (and {@code http_proxy} for
 * an http mirror) with {@code no_proxy}, as curl reads them. Loopback never goes through a proxy.
 */
public final class DownloadClient {

    /** How long the server may stay silent, mid-download or before answering. */
    static final Duration SILENCE = Duration.ofSeconds(30);

    private DownloadClient() {
    }

    /** {@code base}'s pool and dispatcher, with the download's limits and the proxy {@code env} names. */
    public static OkHttpClient of(OkHttpClient base, Map<String, String> env) {
        OkHttpClient.Builder b = base.newBuilder()
                .callTimeout(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(15))
                .readTimeout(SILENCE)
                .proxySelector(new EnvProxySelector(env, ProxySelector.getDefault()));
        // Credentials in the proxy URL (http://user:secret@proxy:3128): answer the proxy's 407 once with them.
        ProxySpec withUser = proxy(env, "https");
        if (withUser != null && withUser.user() != null) {
            String credentials = Credentials.basic(withUser.user(), withUser.password());
            b.proxyAuthenticator((route, response) -> response.request().header("Proxy-Authorization") != null ? null
                    : response.request().newBuilder().header("Proxy-Authorization", credentials).build());
        }
        return b.build();
    }

    /**
     * A proxy named in the environment.
     *
     * @param port as given, else 1080 (curl's default for a proxy)
     * @param user null when the URL has none
     */
    record ProxySpec(String host, int port, String user, String password) {
        ProxySpec {
            if (host == null || host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("a proxy needs a host and a port, got " + host + ":" + port);
            }
        }
    }

    /** The proxy the environment names for {@code scheme} ({@code https_proxy}, then {@code HTTPS_PROXY}), or null. */
    static ProxySpec proxy(Map<String, String> env, String scheme) {
        String spec = env.get(scheme + "_proxy");
        if (spec == null || spec.isBlank()) {
            spec = env.get(scheme.toUpperCase(Locale.ROOT) + "_PROXY");
        }
        if (spec == null || spec.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(spec.contains("://") ? spec.strip() : "http://" + spec.strip());
            if (u.getHost() == null) {
                return null;
            }
            String[] user = u.getUserInfo() == null ? null : u.getUserInfo().split(":", 2);
            return new ProxySpec(u.getHost(), u.getPort() == -1 ? 1080 : u.getPort(), user == null ? null : user[0],
                    user == null || user.length < 2 ? "" : user[1]);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // not a proxy URL: as if none were set
        }
    }

    /** Chooses the proxy for each URL as described on the class. */
    static final class EnvProxySelector extends ProxySelector {
        private final Map<String, String> env;
        private final ProxySelector fallback;

        EnvProxySelector(Map<String, String> env, ProxySelector fallback) {
            this.env = Map.copyOf(env);
            this.fallback = fallback;
        }

        @Override
        public List<Proxy> select(URI uri) {
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String javaProxy = System.getProperty(scheme + ".proxyHost");
            if (javaProxy != null && !javaProxy.isBlank()) {
                return delegate(uri);
            }
            ProxySpec proxy = proxy(env, scheme);
            if (proxy == null) {
                return delegate(uri);
            }
            if (loopback(host) || bypassed(host)) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        private List<Proxy> delegate(URI uri) {
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        private static boolean loopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        }

        /** curl's no_proxy: a comma list of host names or domain suffixes ({@code .school.org}), or {@code *}. */
        private boolean bypassed(String host) {
            String list = env.getOrDefault("no_proxy", env.getOrDefault("NO_PROXY", ""));
            for (String entry : list.split(",")) {
                String e = entry.strip().toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "").replaceFirst("^\\*?\\.", "");
                if (e.equals("*") || (!e.isEmpty() && (host.equals(e) || host.endsWith("." + e)))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException e) {
            if (fallback != null) {
                fallback.connectFailed(uri, address, e);
            }
        }
    }
}
