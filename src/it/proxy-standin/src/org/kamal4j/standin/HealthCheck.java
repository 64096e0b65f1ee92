package org.kamal4j.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a target's health path until it answers 200. */
final class HealthCheck {
    private final HttpClient client;
    private final String path;
    private final Duration interval;
    private final Duration timeout;

    HealthCheck(HttpClient client, String path, Duration interval, Duration timeout) {
        this.client = client;
        this.path = path.startsWith("/") ? path : "/" + path;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Null once healthy; otherwise what the last check saw when the deadline passed. */
    String waitHealthy(Target t, long deadline) throws InterruptedException {
        String last = "no health check ran";
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return "GET " + path + ": " + last;
            }
            long budget = Math.max(1, Math.min(timeout.toNanos(), left));
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + t.address + path))
                        .timeout(Duration.ofNanos(budget)).GET().build();
                int code = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (code == 200) {
                    return null;
                }
                last = "answered HTTP " + code;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            }
            Thread.sleep(Math.max(0, Math.min(interval.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
        }
    }
}
