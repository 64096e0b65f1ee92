package org.kamal4j.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line flags as kamal-proxy (Go pflag) reads them: --name=value, --name value, bare booleans. */
final class Args {

    /** Flags that take a value when written as two words (`--metrics-port 9090`). */
    private static final Set<String> VALUE_FLAGS = Set.of(
            "target", "read-target", "host", "deploy-timeout", "drain-timeout", "health-check-path",
            "health-check-interval", "health-check-timeout", "target-timeout", "path-prefix",
            "log-request-header", "log-response-header", "tls-certificate-path", "tls-private-key-path",
            "buffer-memory", "max-request-body", "max-response-body", "error-pages", "message",
            "metrics-port", "http-port", "https-port", "tls-acme-cache-path", "target-port");

    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> flags = new LinkedHashMap<>();

    static Args parse(List<String> argv) {
        Args args = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("-") || a.equals("-")) {
                args.positional.add(a);
                continue;
            }
            String body = a.replaceFirst("^--?", "");
            int eq = body.indexOf('=');
            if (eq >= 0) {
                args.add(body.substring(0, eq), body.substring(eq + 1));
            } else if (VALUE_FLAGS.contains(body) && i + 1 < argv.size()) {
                args.add(body, argv.get(++i));
            } else {
                args.add(body, "true");
            }
        }
        return args;
    }

    private void add(String name, String value) {
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    List<String> all(String name) {
        return flags.getOrDefault(name, List.of());
    }

    String get(String name, String fallback) {
        List<String> values = all(name);
        return values.isEmpty() ? fallback : values.get(values.size() - 1);
    }

    boolean bool(String name, boolean fallback) {
        String v = get(name, null);
        return v == null ? fallback : !v.equalsIgnoreCase("false") && !v.equals("0");
    }

    Duration duration(String name, Duration fallback) {
        String v = get(name, null);
        return v == null ? fallback : parseDuration(v);
    }

    /** Go duration syntax (`30s`, `1m30s`, `500ms`); a bare number means seconds. */
    static Duration parseDuration(String text) {
        String s = text.trim();
        if (s.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)").matcher(s);
        double nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            end = m.end();
        }
        if (end != s.length() || end == 0) {
            throw new IllegalArgumentException("invalid duration \"" + text + "\" (use e.g. 30s, 500ms, 1m)");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static double unitNanos(String unit) {
        switch (unit) {
            case "ns": return 1;
            case "us": case "µs": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            case "m": return 60e9;
            default: return 3600e9;
        }
    }
}
