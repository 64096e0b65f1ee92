package org.kamal4j.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Forwards each request to the current target of the service that owns its host, buffering both bodies. */
final class ProxyHandler implements HttpHandler {

    /** Headers that describe one hop, or that the JDK client sets itself. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "content-length", "expect", ":status");

    private final Router router;
    private final HttpClient client;
    private final boolean debug;

    ProxyHandler(Router router, HttpClient client, boolean debug) {
        this.router = router;
        this.client = client;
        this.debug = debug;
    }

    /** The service and the target a request was admitted to; target is null when it gets no upstream. */
    private record Lease(Service service, Target target) {
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        String host = hostOf(ex);
        String path = ex.getRequestURI().getRawPath();
        Lease lease = lease(host, path);
        int status;
        try {
            status = answer(ex, lease, path);
        } catch (IOException e) {
            status = 499;
        } finally {
            if (lease.target() != null) {
                lease.target().inFlight.decrementAndGet();
            }
            ex.close();
        }
        if (debug || status >= 500) {
            Log.info("Request", "host", host, "path", path, "method", ex.getRequestMethod(), "status", status,
                    "service", lease.service() == null ? "" : lease.service().name(),
                    "target", lease.target() == null ? "" : lease.target().address,
                    "duration_ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Counts the request on a target BEFORE re-checking the route, so a deploy's drain never misses it. */
    private Lease lease(String host, String path) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            Service s = router.route(host, path);
            if (s == null || s.paused()) {
                return new Lease(s, null);
            }
            Target t = s.next();
            t.inFlight.incrementAndGet();
            if (router.isActive(s.name(), t)) {
                return new Lease(s, t);
            }
            t.inFlight.decrementAndGet();
        }
        return new Lease(null, null);
    }

    private int answer(HttpExchange ex, Lease lease, String path) throws IOException {
        Service s = lease.service();
        if (s == null) {
            return text(ex, 404, "Not Found: no service is deployed for this host and path\n");
        }
        if (lease.target() == null) {
            return text(ex, 503, s.message().isEmpty() ? "Service Unavailable\n" : s.message() + "\n");
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        HttpResponse<byte[]> r;
        try {
            r = send(request(ex, s, lease.target(), path, body), ex.getRequestMethod());
        } catch (HttpTimeoutException e) {
            return text(ex, 504, "Gateway Timeout: " + lease.target() + " did not answer in time\n");
        } catch (IOException e) {
            return text(ex, 502, "Bad Gateway: " + lease.target() + ": " + e + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return text(ex, 502, "Bad Gateway: interrupted\n");
        }
        return relay(ex, r);
    }

    private HttpRequest request(HttpExchange ex, Service s, Target t, String path, byte[] body) {
        String query = ex.getRequestURI().getRawQuery();
        URI uri = URI.create("http://" + t.address + s.upstreamPath(path) + (query == null ? "" : "?" + query));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(s.targetTimeout())
                .method(ex.getRequestMethod(), body.length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
            if (!HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> b.header(h.getKey(), v));
            }
        }
        b.header("X-Forwarded-For", ex.getRemoteAddress().getAddress().getHostAddress());
        return b.build();
    }

    /** Retries an idempotent request once: a pooled upstream connection may close just as it is reused. */
    private HttpResponse<byte[]> send(HttpRequest req, String method) throws IOException, InterruptedException {
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                throw e;
            }
            return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static int relay(HttpExchange ex, HttpResponse<byte[]> r) throws IOException {
        for (Map.Entry<String, List<String>> h : r.headers().map().entrySet()) {
            if (!HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                ex.getResponseHeaders().put(h.getKey(), h.getValue());
            }
        }
        byte[] body = r.body();
        int code = r.statusCode();
        boolean none = body.length == 0 || code == 204 || code == 304 || ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, none ? -1 : body.length);
        if (!none) {
            ex.getResponseBody().write(body);
        }
        return code;
    }

    private static int text(HttpExchange ex, int code, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        return code;
    }

    private static String hostOf(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Host");
        if (h == null) {
            return "";
        }
        int colon = h.startsWith("[") ? h.indexOf("]:") + 1 : h.lastIndexOf(':');
        return (colon > 0 ? h.substring(0, colon) : h).toLowerCase(Locale.ROOT);
    }
}
