package org.kamal4j.ssh;

import java.util.Objects;

/**
 * A host as written in deploy.yml ({@code host}, {@code user@host}, {@code host:port}, {@code user@host:port},
 * {@code [ipv6]:port}) resolved against the default user and port.
 */
public record HostAddress(String user, String host, int port) {

    public HostAddress {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
    }

    /** Parses {@code spec}; parts it does not name come from {@code defaultUser} and {@code defaultPort}. */
    public static HostAddress parse(String spec, String defaultUser, int defaultPort) {
        String s = spec.strip();
        String user = defaultUser;
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            user = s.substring(0, at);
            s = s.substring(at + 1);
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed '[' in host " + spec + ": write [ipv6]:port");
            }
            String rest = s.substring(close + 1);
            int port = rest.isEmpty() ? defaultPort : port(rest.substring(1), spec);
            return checked(user, s.substring(1, close), port, spec);
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && colon == s.lastIndexOf(':')) {
            return checked(user, s.substring(0, colon), port(s.substring(colon + 1), spec), spec);
        }
        return checked(user, s, defaultPort, spec);
    }

    private static HostAddress checked(String user, String host, int port, String spec) {
        if (host.isEmpty() || user.isEmpty()) {
            throw new IllegalArgumentException("Invalid host " + spec + ": expected [user@]host[:port]");
        }
        return new HostAddress(user, host, port);
    }

    private static int port(String text, String spec) {
        try {
            int p = Integer.parseInt(text);
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole spec
        }
        throw new IllegalArgumentException("Invalid port in host " + spec + ": expected a number 1-65535");
    }

    /** The name known_hosts uses: {@code host} on port 22, {@code [host]:port} otherwise. */
    public String knownHostsName() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user + "@" + h + (port == 22 ? "" : ":" + port);
    }
}
