package org.kamal4j.testbed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded HTTP load loop for zero-downtime checks: a few client threads send GETs to one test-host URL (or, like a
 * load balancer in front of several hosts, to the first of several that accepts the connection) until stopped, or
 * until the time or request budget runs out, and record what came back.
 */
public final class HttpLoad implements AutoCloseable {

    /** One answered or failed request: when it started and ended (nanoTime), and the body or the failure. */
    public record Sample(long startNanos, long endNanos, int status, String body, String failure) {
        public boolean ok() {
            return failure == null && status == 200;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> uris;
    private final AtomicInteger failedOver = new AtomicInteger();
    private final int maxRequests;
    private final long deadline;
    private final Duration pause;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger started = new AtomicInteger();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    private HttpLoad(List<URI> uris, int maxRequests, Duration maxTime, Duration pause) {
        for (URI uri : uris) {
            String host = uri.getHost();
            if (!host.startsWith("198.18.") && !host.startsWith("198.19.") && !host.startsWith("127.")) {
                throw new IllegalArgumentException("load only goes to test hosts (198.18.0.0/15) or loopback, not "
                        + host);
            }
        }
        this.uris = List.copyOf(uris);
        this.maxRequests = maxRequests;
        this.deadline = System.nanoTime() + maxTime.toNanos();
        this.pause = pause;
    }

    /** Starts THREADS clients that pause between requests; stops by itself after MAX_TIME or MAX_REQUESTS. */
    public static HttpLoad start(URI uri, int threads, int maxRequests, Duration maxTime, Duration pause) {
        return start(List.of(uri), threads, maxRequests, maxTime, pause);
    }

    /**
     * Like {@link #start(URI, int, int, Duration, Duration)} over several hosts, as a load balancer would spread
     * them: request n goes to {@code uris[n % size]}, and when a host refuses or drops the connection the request
     * goes to the next one (counted in {@link #failedOver()}); it fails only when no host answers.
     */
    public static HttpLoad start(List<URI> uris, int threads, int maxRequests, Duration maxTime, Duration pause) {
        HttpLoad load = new HttpLoad(uris, maxRequests, maxTime, pause);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::loop, "http-load-" + i);
            t.setDaemon(true);
            load.threads.add(t);
            t.start();
        }
        return load;
    }

    private void loop() {
        int n;
        while (!stop.get() && System.nanoTime() < deadline && (n = started.incrementAndGet()) <= maxRequests) {
            long t0 = System.nanoTime();
            samples.add(send(t0, n));
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Sample send(long t0, int n) {
        String failure = null;
        for (int i = 0; i < uris.size(); i++) {
            if (i > 0) {
                failedOver.incrementAndGet();
            }
            try {
                HttpRequest req = HttpRequest.newBuilder(uris.get((n + i) % uris.size()))
                        .timeout(Duration.ofSeconds(10)).GET().build();
                HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
                return new Sample(t0, System.nanoTime(), r.statusCode(), r.body().strip(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e.toString();
                break;
            } catch (Exception e) {
                failure = e.toString();
            }
        }
        return new Sample(t0, System.nanoTime(), 0, "", failure);
    }

    /** How many times a request went on to the next host because one refused or dropped the connection. */
    public int failedOver() {
        return failedOver.get();
    }

    /** Stops the clients and waits for the requests in flight to finish. */
    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(15_000);
        }
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    public List<Sample> failures() {
        return samples.stream().filter(s -> !s.ok()).toList();
    }

    /** How many successful answers carried each body. */
    public Map<String, Integer> bodies() {
        Map<String, Integer> out = new ConcurrentHashMap<>();
        samples.stream().filter(Sample::ok).forEach(s -> out.merge(s.body(), 1, Integer::sum));
        return out;
    }

    /** Successful answers with this body from requests that started after the given nanoTime. */
    public long bodiesStartedAfter(String body, long nanos) {
        return samples.stream().filter(s -> s.ok() && s.body().equals(body) && s.startNanos() > nanos).count();
    }

    /** The end time of the first successful answer with this body, or -1. */
    public long firstAnswer(String body) {
        return samples.stream().filter(s -> s.ok() && s.body().equals(body))
                .mapToLong(Sample::endNanos).min().orElse(-1);
    }
}
