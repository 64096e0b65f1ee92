package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.Map;
import java.util.Set;

/** Validates a proxy map (root, role or accessory) and its own consistency rules. */
final class ProxyValidator {

    private static final Set<String> KEYS = Set.of("host", "hosts", "app_port", "ssl", "ssl_redirect",
            "forward_headers", "response_timeout", "path_prefix", "path_prefixes", "strip_path_prefix",
            "healthcheck", "buffering", "logging", "run");
    private static final Set<String> RUN_KEYS = Set.of("http_port", "https_port", "metrics_port", "debug",
            "log_max_size", "publish", "bind_ips", "registry", "repository", "version", "options");

    private final Checker c;

    ProxyValidator(Checker c) {
        this.c = c;
    }

    /** Schema of a proxy map as written. */
    void schema(String path, Map<String, Object> p) {
        c.keys(path, p, KEYS);
        c.optional(p, path, "host", Kind.STRING);
        if (p.containsKey("hosts")) {
            c.listOf(join(path, "hosts"), p.get("hosts"), Kind.STRING);
        }
        c.optional(p, path, "app_port", Kind.INTEGER);
        if (c.optional(p, path, "ssl", Kind.BOOLEAN, Kind.HASH) && p.get("ssl") instanceof Map<?, ?> ssl) {
            Map<String, Object> m = Checker.asMap(ssl);
            c.keys(join(path, "ssl"), m, Set.of("certificate_pem", "private_key_pem"));
            c.optional(m, join(path, "ssl"), "certificate_pem", Kind.STRING);
            c.optional(m, join(path, "ssl"), "private_key_pem", Kind.STRING);
        }
        for (String k : new String[] {"ssl_redirect", "forward_headers", "strip_path_prefix"}) {
            c.optional(p, path, k, Kind.BOOLEAN);
        }
        c.optional(p, path, "response_timeout", Kind.INTEGER);
        c.optional(p, path, "path_prefix", Kind.STRING);
        if (p.containsKey("path_prefixes")) {
            c.listOf(join(path, "path_prefixes"), p.get("path_prefixes"), Kind.STRING);
        }
        sub(path, p, "healthcheck", Map.of("path", Kind.STRING, "interval", Kind.INTEGER, "timeout", Kind.INTEGER));
        sub(path, p, "buffering", Map.of("requests", Kind.BOOLEAN, "responses", Kind.BOOLEAN, "max_request_body",
                Kind.INTEGER, "max_response_body", Kind.INTEGER, "memory", Kind.INTEGER));
        sub(path, p, "logging", Map.of("request_headers", Kind.ARRAY, "response_headers", Kind.ARRAY));
        if (c.optional(p, path, "run", Kind.HASH)) {
            run(join(path, "run"), Checker.asMap(p.get("run")));
        }
    }

    /** Consistency rules, checked on the effective (merged) proxy map of a role, or as written elsewhere. */
    void rules(String path, Map<String, Object> p) {
        boolean hasHost = p.get("host") != null || p.get("hosts") != null;
        Object ssl = p.get("ssl");
        if (ssl != null && !Boolean.FALSE.equals(ssl) && !hasHost) {
            c.add(path, "Must set a host to enable automatic SSL");
        }
        if (p.containsKey("host") && p.containsKey("hosts")) {
            c.add(path, "Specify one of 'host' or 'hosts', not both");
        }
        if (ssl instanceof Map<?, ?> m) {
            if (m.get("certificate_pem") != null && m.get("private_key_pem") == null) {
                c.add(path, "Missing private_key_pem setting (required when certificate_pem is present)");
            }
            if (m.get("private_key_pem") != null && m.get("certificate_pem") == null) {
                c.add(path, "Missing certificate_pem setting (required when private_key_pem is present)");
            }
        }
    }

    private void run(String path, Map<String, Object> run) {
        c.keys(path, run, RUN_KEYS);
        for (String k : new String[] {"http_port", "https_port", "metrics_port"}) {
            c.optional(run, path, k, Kind.INTEGER);
        }
        c.optional(run, path, "debug", Kind.BOOLEAN);
        c.optional(run, path, "publish", Kind.BOOLEAN);
        for (String k : new String[] {"log_max_size", "registry", "repository", "version"}) {
            c.optional(run, path, k, Kind.STRING);
        }
        if (run.containsKey("bind_ips")) {
            c.listOf(join(path, "bind_ips"), run.get("bind_ips"), Kind.STRING);
        }
        c.optional(run, path, "options", Kind.HASH);
        if (Boolean.FALSE.equals(run.get("publish"))
                && (run.containsKey("http_port") || run.containsKey("https_port") || run.containsKey("bind_ips"))) {
            c.add(path, "Cannot set http_port, https_port or bind_ips when publish is false");
        }
    }

    private void sub(String path, Map<String, Object> p, String key, Map<String, Kind> schema) {
        if (!c.optional(p, path, key, Kind.HASH)) {
            return;
        }
        String sp = join(path, key);
        Map<String, Object> m = Checker.asMap(p.get(key));
        c.keys(sp, m, schema.keySet());
        m.forEach((k, v) -> {
            Kind kind = schema.get(k);
            if (kind == Kind.ARRAY) {
                c.listOf(join(sp, k), v, Kind.STRING);
            } else if (kind != null) {
                c.type(join(sp, k), v, kind);
            }
        });
    }
}
