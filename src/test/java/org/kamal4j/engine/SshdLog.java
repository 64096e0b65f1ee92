package org.kamal4j.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one fleet host's sshd log (LogLevel VERBOSE, every line prefixed with a UTC timestamp by fleet.sh) says
 * about the TCP connections it accepted: when each arrived, when its login was accepted, whether it has ended.
 */
public final class SshdLog {

    /** One TCP connection, keyed by the client's source port; {@code authenticated} is null if it never logged in. */
    public record Connection(String host, int port, Instant connected, Instant authenticated, boolean ended) {

        /** The handshake as sshd saw it: TCP accepted to public key login accepted. */
        public Duration handshake() {
            return Duration.between(connected, authenticated);
        }
    }

    private static final Pattern CONNECTED = Pattern.compile("^(\\S+) Connection from \\S+ port (\\d+) on ");
    private static final Pattern ACCEPTED = Pattern.compile("^(\\S+) Accepted publickey for \\S+ from \\S+ port (\\d+) ");
    private static final Pattern ENDED = Pattern.compile(
            "^(\\S+) (?:Disconnected from user \\S+|Connection closed by|Received disconnect from|"
                    + "Connection reset by|Disconnected from) (?:authenticating user \\S+ |invalid user \\S+ )?\\S+ port (\\d+)");

    private SshdLog() {}

    /** Every connection in {@code log} in arrival order (a client port reused later starts a new entry). */
    public static List<Connection> connections(String host, Path log) throws IOException {
        Map<Integer, Builder> open = new LinkedHashMap<>();
        List<Builder> all = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m;
            if ((m = CONNECTED.matcher(line)).find()) {
                Builder b = new Builder(Integer.parseInt(m.group(2)), Instant.parse(m.group(1)));
                open.put(b.port, b);
                all.add(b);
            } else if ((m = ACCEPTED.matcher(line)).find() && open.containsKey(Integer.parseInt(m.group(2)))) {
                open.get(Integer.parseInt(m.group(2))).authenticated = Instant.parse(m.group(1));
            } else if ((m = ENDED.matcher(line)).find() && open.containsKey(Integer.parseInt(m.group(2)))) {
                open.remove(Integer.parseInt(m.group(2))).ended = true;
            }
        }
        return all.stream().map(b -> new Connection(host, b.port, b.connected, b.authenticated, b.ended)).toList();
    }

    /**
     * The largest number of handshakes (connected to authenticated) in progress at one instant, over connections
     * of any hosts. An end at the same instant as a start counts as before it.
     */
    public static int maxOverlappingHandshakes(Collection<Connection> connections) {
        record Event(Instant at, int delta) {}
        List<Event> events = new ArrayList<>();
        for (Connection c : connections) {
            if (c.authenticated() != null) {
                events.add(new Event(c.connected(), 1));
                events.add(new Event(c.authenticated(), -1));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::delta));
        int now = 0;
        int max = 0;
        for (Event e : events) {
            now += e.delta();
            max = Math.max(max, now);
        }
        return max;
    }

    private static final class Builder {
        final int port;
        final Instant connected;
        Instant authenticated;
        boolean ended;

        Builder(int port, Instant connected) {
            this.port = port;
            this.connected = connected;
        }
    }
}
