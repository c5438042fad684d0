package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The proxy for hub requests: {@code HTTPS_PROXY}/{@code ALL_PROXY} minus {@code NO_PROXY} when set
 * (as Python's requests does), else the system's settings ({@code java.net.useSystemProxies} and
 * the {@code https.proxyHost} properties). Loopback addresses never go through a proxy.
 */
final class HubProxy extends ProxySelector {
    private final Proxy proxy;
    private final List<String> noProxy;

    private HubProxy(Proxy proxy, String noProxy) {
        this.proxy = proxy;
        this.noProxy =
                Arrays.stream(noProxy.split(","))
                        .map(s -> s.strip().toLowerCase(Locale.ROOT))
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** The selector for {@code env}. */
    static ProxySelector of(HubEnvironment env) {
        if (env.proxy().isEmpty()) {
            if (System.getProperty("java.net.useSystemProxies") == null) {
                System.setProperty("java.net.useSystemProxies", "true");
            }
            return ProxySelector.getDefault();
        }
        URI uri =
                URI.create(
                        env.proxy().get().contains("://")
                                ? env.proxy().get()
                                : "http://" + env.proxy().get());
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        Proxy p =
                new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
        return new HubProxy(p, env.noProxy());
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return bypass(host) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
    }

    private boolean bypass(String host) {
        if (host.equals("localhost")
                || host.startsWith("127.")
                || host.equals("[::1]")
                || host.equals("::1")) {
            return true;
        }
        for (String rule : noProxy) {
            String suffix = rule.startsWith(".") ? rule : "." + rule;
            if (rule.equals("*") || host.equals(rule) || host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: the failure reaches the caller as a connection error
    }
}
