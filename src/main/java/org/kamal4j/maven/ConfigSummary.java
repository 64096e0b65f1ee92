package org.kamal4j.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.config.Ssh;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** The resolved configuration as YAML (format documented in docs/config-output.md); never contains secrets. */
public final class ConfigSummary {

    private ConfigSummary() {}

    public static String yaml(DeployConfig c) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        return new Yaml(o).dump(tree(c));
    }

    static Map<String, Object> tree(DeployConfig c) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("service", c.service());
        t.put("image", c.image());
        t.put("version", c.version());
        t.put("repository", c.repository());
        t.put("absolute_image", c.version() == null ? null : c.absoluteImage());
        t.put("latest_image", c.latestImage());
        t.put("destination", c.destination());
        t.put("service_with_destination", c.serviceWithDestination());
        t.put("primary_role", c.primaryRoleName());
        t.put("primary_host", c.primaryHost());
        t.put("roles", roles(c));
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("limit", c.boot().limit());
        boot.put("wait", c.boot().waitSeconds());
        boot.put("parallel_roles", c.boot().parallelRoles());
        boot.put("order", c.bootOrder());
        boot.put("groups", c.bootGroups());
        t.put("boot", boot);
        t.put("app_hosts", c.appHosts());
        t.put("proxy_hosts", c.proxyHosts());
        t.put("all_hosts", c.allHosts());
        t.put("accessories", accessories(c));
        t.put("ssh", ssh(c.ssh()));
        Map<String, Object> sshkit = new LinkedHashMap<>();
        sshkit.put("max_concurrent_starts", c.sshkit().maxConcurrentStarts());
        sshkit.put("pool_idle_timeout", c.sshkit().poolIdleTimeout());
        sshkit.put("dns_retries", c.sshkit().dnsRetries());
        t.put("sshkit", sshkit);
        return t;
    }

    private static Map<String, Object> roles(DeployConfig c) {
        Map<String, Object> roles = new LinkedHashMap<>();
        for (Role r : c.roles()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hosts", r.hostNames());
            Map<String, Object> tags = new LinkedHashMap<>();
            r.hosts().stream().filter(h -> !h.tags().isEmpty()).forEach(h -> tags.put(h.name(), h.tags()));
            m.put("host_tags", tags);
            m.put("container", c.version() == null ? null : c.containerName(r.name(), c.version()));
            m.put("proxy", r.runsProxy());
            m.put("cmd", r.cmd());
            m.put("stop_timeout", r.stopTimeout());
            m.put("restart", r.restartPolicy());
            roles.put(r.name(), m);
        }
        return roles;
    }

    private static Map<String, Object> accessories(DeployConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Accessory a : c.accessories().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", a.service());
            m.put("image", a.image());
            m.put("hosts", a.hosts());
            m.put("port", a.port());
            m.put("proxy", a.proxy() != null);
            out.put(a.name(), m);
        }
        return out;
    }

    /** SSH settings with defaults applied; {@code key_data} is shown only as a count (it may be key material). */
    private static Map<String, Object> ssh(Ssh s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("port", s.port());
        m.put("proxy", s.proxy());
        m.put("proxy_command", s.proxyCommand());
        m.put("log_level", s.logLevel());
        m.put("keys_only", s.keysOnly());
        m.put("keys", s.keys() == null ? null : new ArrayList<>(s.keys()));
        m.put("key_data_entries", s.keyData() == null ? 0 : s.keyData().size());
        m.put("config", s.config() == null ? null : List.copyOf(s.config()));
        m.put("forward_agent", s.forwardAgent());
        m.put("host_key_policy", s.hostKeyPolicy());
        m.put("known_hosts", s.knownHosts());
        m.put("connect_timeout", s.connectTimeout());
        m.put("command_timeout", s.commandTimeout());
        m.put("keepalive_interval", s.keepaliveInterval());
        m.put("server_id", s.serverId());
        return m;
    }
}
