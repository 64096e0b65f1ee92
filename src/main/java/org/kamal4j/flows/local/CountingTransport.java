package org.kamal4j.flows.local;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.Transport;
import org.kamal4j.ssh.TransportException;

/**
 * Wraps a transport and counts round trips (commands and uploads) per host, whatever the lane, and keeps when each
 * named step ({@link Command#named}) ran on each host: the deploy report's timeline.
 */
public final class CountingTransport implements Transport {

    /** One named step on a host: consecutive runs of the same step (health polls) are one span. */
    public record Span(String step, Instant start, Instant end, boolean ok) {}

    /** At most this many spans are kept per host, so a long interactive session cannot grow the list unbounded. */
    static final int MAX_SPANS = 200;

    private final Transport target;
    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> uploads = new ConcurrentHashMap<>();
    private final Map<String, List<Span>> spans = new ConcurrentHashMap<>();

    public CountingTransport(Transport target) {
        this.target = target;
    }

    @Override
    public Session session(String host, String lane) throws TransportException {
        Session s = target.session(host, lane);
        return new Session() {
            @Override
            public String host() {
                return s.host();
            }

            @Override
            public ExecResult exec(Command command) throws TransportException {
                commands.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                Instant start = Instant.now();
                boolean ok = false;
                try {
                    ExecResult r = s.exec(command);
                    ok = r.ok();
                    return r;
                } finally {
                    if (command.named()) {
                        span(host, new Span(command.stepName(), start, Instant.now(), ok));
                    }
                }
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) throws TransportException {
                uploads.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                s.upload(content, remotePath, mode);
            }

            @Override
            public int attach(Command command, InputStream in, OutputStream out)
                    throws TransportException {
                commands.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
                return s.attach(command, in, out);
            }
        };
    }

    @Override
    public void connectAhead(Collection<String> hosts) {
        target.connectAhead(hosts);
    }

    /** Commands run on {@code host} so far. */
    public int commands(String host) {
        AtomicInteger n = commands.get(host);
        return n == null ? 0 : n.get();
    }

    /** Uploads to {@code host} so far. */
    public int uploads(String host) {
        AtomicInteger n = uploads.get(host);
        return n == null ? 0 : n.get();
    }

    private void span(String host, Span span) {
        List<Span> list = spans.computeIfAbsent(host, h -> new ArrayList<>());
        synchronized (list) {
            Span last = list.isEmpty() ? null : list.get(list.size() - 1);
            if (last != null && last.step().equals(span.step()) && last.ok() == span.ok()) {
                list.set(list.size() - 1, new Span(last.step(), last.start(), span.end(), span.ok()));
            } else if (list.size() < MAX_SPANS) {
                list.add(span);
            }
        }
    }

    /** The named steps run on {@code host} so far, in the order they started. */
    public List<Span> spans(String host) {
        List<Span> list = spans.get(host);
        if (list == null) {
            return List.of();
        }
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Commands per host, sorted by host. */
    public Map<String, Integer> commandCounts() {
        Map<String, Integer> out = new TreeMap<>();
        commands.forEach((h, n) -> out.put(h, n.get()));
        return out;
    }

    @Override
    public void close() {
        target.close();
    }
}
