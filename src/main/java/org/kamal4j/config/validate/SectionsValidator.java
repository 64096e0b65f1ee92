package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the smaller sections: registry, aliases, boot, logging, output, ssh, sshkit. */
final class SectionsValidator {

    /** Kamal's top-level commands, which aliases may not shadow. */
    static final Set<String> COMMANDS = Set.of("accessory", "app", "audit", "build", "config", "deploy", "details",
            "docs", "help", "init", "lock", "proxy", "prune", "redeploy", "registry", "remove", "rollback",
            "secrets", "server", "setup", "upgrade", "version");

    private final Checker c;

    SectionsValidator(Checker c) {
        this.c = c;
    }

    void registry(String path, Object v) {
        if (!c.type(path, v, Kind.HASH)) {
            return;
        }
        Map<String, Object> r = Checker.asMap(v);
        c.keys(path, r, Set.of("server", "username", "password"));
        c.optional(r, path, "server", Kind.STRING);
        boolean local = r.get("server") instanceof String s && s.startsWith("localhost:");
        for (String k : new String[] {"username", "password"}) {
            Object cred = r.get(k);
            if (cred == null && !local) {
                c.add(join(path, k), "is required");
            } else if (cred != null && !Kind.STRING.accepts(cred)
                    && !(cred instanceof List<?> l && l.size() == 1 && Kind.STRING.accepts(l.get(0)))) {
                c.add(join(path, k), "should be a string or an array with one string (for secret lookup)");
            }
        }
    }

    void aliases(Object v) {
        if (!c.type("aliases", v, Kind.HASH)) {
            return;
        }
        Checker.asMap(v).forEach((name, cmd) -> {
            String p = join("aliases", name);
            if (!name.matches("[a-z0-9_-]+")) {
                c.add(p, "Invalid alias name: '" + name
                        + "'. Must only contain lowercase letters, alphanumeric, hyphens and underscores.");
            } else if (COMMANDS.contains(name)) {
                c.add(p, "Alias '" + name + "' conflicts with a built-in command.");
            }
            c.type(p, cmd, Kind.STRING);
        });
    }

    void boot(Object v) {
        if (!c.type("boot", v, Kind.HASH)) {
            return;
        }
        Map<String, Object> b = Checker.asMap(v);
        c.keys("boot", b, Set.of("limit", "wait", "parallel_roles"));
        if (c.optional(b, "boot", "limit", Kind.INTEGER, Kind.STRING) && b.get("limit") instanceof String s
                && !s.matches("\\d+(\\.\\d+)?%|\\d+")) {
            c.add("boot/limit", "should be an integer or a percentage such as \"25%\"");
        }
        c.optional(b, "boot", "wait", Kind.INTEGER);
        c.optional(b, "boot", "parallel_roles", Kind.BOOLEAN);
    }

    void logging(String path, Object v) {
        if (!c.type(path, v, Kind.HASH)) {
            return;
        }
        Map<String, Object> l = Checker.asMap(v);
        c.keys(path, l, Set.of("driver", "options"));
        c.optional(l, path, "driver", Kind.STRING);
        if (c.optional(l, path, "options", Kind.HASH)) {
            Checker.asMap(l.get("options")).forEach((k, val) -> c.type(join(join(path, "options"), k), val,
                    Kind.STRING));
        }
    }

    void output(Object v) {
        if (!c.type("output", v, Kind.HASH)) {
            return;
        }
        Map<String, Object> o = Checker.asMap(v);
        c.keys("output", o, Set.of("file", "otel"));
        outputTarget(o, "file", "path", "file path is required");
        outputTarget(o, "otel", "endpoint", "OTel endpoint is required");
    }

    private void outputTarget(Map<String, Object> o, String key, String field, String missing) {
        String path = join("output", key);
        if (!c.optional(o, "output", key, Kind.HASH)) {
            return;
        }
        Map<String, Object> t = Checker.asMap(o.get(key));
        c.keys(path, t, Set.of(field));
        if (t.get(field) == null) {
            c.add(path, missing);
        } else {
            c.type(join(path, field), t.get(field), Kind.STRING);
        }
    }

    void ssh(Object v) {
        if (!c.type("ssh", v, Kind.HASH)) {
            return;
        }
        Map<String, Object> s = Checker.asMap(v);
        c.keys("ssh", s, Set.of("user", "port", "proxy", "proxy_command", "log_level", "keys_only", "keys",
                "key_data", "config", "forward_agent", "host_key_policy", "known_hosts", "connect_timeout",
                "command_timeout", "keepalive_interval", "server_id"));
        for (String k : new String[] {"user", "port", "proxy", "proxy_command", "log_level", "known_hosts",
                "server_id"}) {
            c.optional(s, "ssh", k, Kind.STRING);
        }
        c.optional(s, "ssh", "keys_only", Kind.BOOLEAN);
        c.optional(s, "ssh", "forward_agent", Kind.BOOLEAN);
        for (String k : new String[] {"keys", "key_data"}) {
            if (s.containsKey(k)) {
                c.listOf(join("ssh", k), s.get(k), Kind.STRING);
            }
        }
        if (c.optional(s, "ssh", "config", Kind.BOOLEAN, Kind.STRING, Kind.ARRAY) && s.get("config") instanceof List) {
            c.listOf("ssh/config", s.get("config"), Kind.STRING);
        }
        for (String k : new String[] {"connect_timeout", "command_timeout", "keepalive_interval"}) {
            c.optional(s, "ssh", k, Kind.INTEGER);
        }
        if (s.get("port") != null && !String.valueOf(s.get("port")).matches("\\d{1,5}")) {
            c.add("ssh/port", "should be a port number");
        }
        Object policy = s.get("host_key_policy");
        if (policy != null && !"strict".equals(policy) && !"accept-new".equals(policy)) {
            c.add("ssh/host_key_policy", "should be strict or accept-new");
        }
    }

    void sshkit(Object v) {
        if (!c.type("sshkit", v, Kind.HASH)) {
            return;
        }
        Map<String, Object> s = Checker.asMap(v);
        c.keys("sshkit", s, Set.of("max_concurrent_starts", "pool_idle_timeout", "dns_retries"));
        for (String k : new String[] {"max_concurrent_starts", "pool_idle_timeout", "dns_retries"}) {
            c.optional(s, "sshkit", k, Kind.INTEGER);
        }
    }
}
