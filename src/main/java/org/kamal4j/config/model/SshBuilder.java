package org.kamal4j.config.model;

import java.util.List;
import java.util.Map;
import org.kamal4j.config.Ssh;
import org.kamal4j.config.Sshkit;

/** Builds {@link Ssh} (Kamal's keys plus our extensions) and {@link Sshkit} with their defaults. */
final class SshBuilder {

    private SshBuilder() {}

    static Ssh ssh(Map<String, Object> s) {
        Ssh d = Ssh.DEFAULT;
        String proxy = Values.str(s, "proxy");
        if (proxy != null && !proxy.contains("@")) {
            proxy = "root@" + proxy;
        }
        return new Ssh(s.containsKey("user") ? Values.str(s, "user") : d.user(),
                s.containsKey("port") ? Integer.parseInt(Values.str(s, "port")) : d.port(), proxy,
                Values.str(s, "proxy_command"), s.containsKey("log_level") ? Values.str(s, "log_level") : d.logLevel(),
                Values.bool(s, "keys_only"), Values.strings(s.get("keys")), Values.strings(s.get("key_data")),
                config(s.get("config")), Values.bool(s, "forward_agent"),
                s.containsKey("host_key_policy") ? Values.str(s, "host_key_policy") : d.hostKeyPolicy(),
                Values.str(s, "known_hosts"), Values.integer(s, "connect_timeout", d.connectTimeout()),
                Values.integer(s, "command_timeout", d.commandTimeout()),
                Values.integer(s, "keepalive_interval", d.keepaliveInterval()), Values.str(s, "server_id"));
    }

    /** Absent: null (no file, see docs/compatibility.md); {@code true}: ["true"] (~/.ssh/config); {@code false}: none. */
    private static List<String> config(Object v) {
        if (v == null) {
            return null;
        }
        if (Boolean.TRUE.equals(v)) {
            return List.of("true");
        }
        return Boolean.FALSE.equals(v) ? List.of() : Values.strings(v);
    }

    static Sshkit sshkit(Map<String, Object> s) {
        Sshkit d = Sshkit.DEFAULT;
        return new Sshkit(Values.integer(s, "max_concurrent_starts", d.maxConcurrentStarts()),
                Values.integer(s, "pool_idle_timeout", d.poolIdleTimeout()),
                Values.integer(s, "dns_retries", d.dnsRetries()));
    }
}
