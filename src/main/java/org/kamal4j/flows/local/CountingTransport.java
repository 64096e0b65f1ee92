package org.kamal4j.flows.local;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.Transport;
import org.kamal4j.ssh.TransportException;

/** Wraps a transport and counts round trips (commands and uploads) per host, whatever the lane. */
public final class CountingTransport implements Transport {

    private final Transport target;
    private final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> uploads = new ConcurrentHashMap<>();

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
                return s.exec(command);
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
