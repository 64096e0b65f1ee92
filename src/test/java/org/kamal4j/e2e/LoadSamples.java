package org.kamal4j.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.testbed.HttpLoad;

/**
 * Steady HTTP load on each host's proxy while a flow runs, and figures from the samples of an {@link HttpLoad}:
 * answers by version over time, switch times, outages.
 */
final class LoadSamples {

    private LoadSamples() {
    }

    /** Loads each host's proxy (host to its load): 2 clients, 25 ms apart, at most 20 000 requests or 5 minutes. */
    static Map<String, HttpLoad> startLoads(List<String> hosts) throws InterruptedException {
        Map<String, HttpLoad> loads = new LinkedHashMap<>();
        for (String host : hosts) {
            loads.put(host, HttpLoad.start(URI.create("http://" + host + "/"), 2, 20_000, Duration.ofMinutes(5),
                    Duration.ofMillis(25)));
        }
        Thread.sleep(500);
        return loads;
    }

    /** Lets the loads run on for {@code settle} (so answers after the flow are seen too), then stops them all. */
    static void stopAfter(Duration settle, Map<String, HttpLoad> loads) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        for (HttpLoad load : loads.values()) {
            load.close();
        }
    }

    /**
     * Each time the host stopped answering: from the end of its last good answer before the failures to the start
     * of its first good answer after them.
     */
    static List<long[]> outages(List<HttpLoad.Sample> samples) {
        List<long[]> out = new ArrayList<>();
        long lastOk = Long.MIN_VALUE;
        boolean down = false;
        for (HttpLoad.Sample s : samples) {
            if (!s.ok()) {
                down = true;
            } else {
                if (down) {
                    out.add(new long[] {lastOk, s.startNanos()});
                    down = false;
                }
                lastOk = Math.max(lastOk, s.endNanos());
            }
        }
        if (down) {
            out.add(new long[] {lastOk, Long.MAX_VALUE});
        }
        return out;
    }

    static List<HttpLoad.Sample> byStart(HttpLoad load) {
        return load.samples().stream().sorted((a, b) -> Long.compare(a.startNanos(), b.startNanos())).toList();
    }

    /** End of the first good answer with {@code body} from a request started after {@code after}, or -1. */
    static long firstEnd(List<HttpLoad.Sample> samples, String body, long after) {
        return samples.stream().filter(s -> s.ok() && s.body().equals(body) && s.startNanos() > after)
                .mapToLong(HttpLoad.Sample::endNanos).min().orElse(-1);
    }

    /**
     * Milliseconds from the end of the last good {@code from} answer to the end of the first good {@code to} answer
     * among requests started in (start, end): how long the switch took as clients saw it.
     */
    static long switchMillis(List<HttpLoad.Sample> samples, String from, String to, long start, long end) {
        long first = samples.stream().filter(s -> s.ok() && s.body().equals(to) && s.startNanos() > start
                && s.startNanos() < end).mapToLong(HttpLoad.Sample::endNanos).min().orElse(-1);
        long last = samples.stream().filter(s -> s.ok() && s.body().equals(from) && s.startNanos() > start
                && s.endNanos() < first).mapToLong(HttpLoad.Sample::endNanos).max().orElse(first);
        return (first - last) / 1_000_000;
    }

    /** Good answers with {@code body} from requests started in (from, to). */
    static long count(List<HttpLoad.Sample> samples, String body, long from, long to) {
        return samples.stream().filter(s -> s.ok() && s.body().equals(body) && s.startNanos() > from
                && s.startNanos() < to).count();
    }
}
