package org.kamal4j.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kamal4j.config.Env;
import org.kamal4j.config.Host;
import org.kamal4j.config.Logging;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.Role;
import org.kamal4j.config.yaml.DeepMerge;

/** Builds the roles (sorted by name) with root settings merged in the way Kamal merges them. */
final class RoleBuilder {

    private final Map<String, Object> root;
    private final String primaryRole;
    private final Env rootEnv;

    RoleBuilder(Map<String, Object> root, String primaryRole, Env rootEnv) {
        this.root = root;
        this.primaryRole = primaryRole;
        this.rootEnv = rootEnv;
    }

    List<Role> build() {
        Object servers = root.get("servers");
        Map<String, Object> byName = new TreeMap<>();
        if (servers instanceof List<?> hosts) {
            byName.put("web", hosts);
        } else {
            byName.putAll(Values.map(servers));
        }
        List<Role> roles = new ArrayList<>();
        byName.forEach((name, spec) -> roles.add(role(name, spec instanceof List ? Map.of("hosts", spec)
                : Values.map(spec))));
        return List.copyOf(roles);
    }

    private Role role(String name, Map<String, Object> r) {
        Map<String, Object> options = new LinkedHashMap<>(Values.map(r, "options"));
        Object restart = options.remove("restart");
        var proxy = proxy(name, r.get("proxy"));
        Integer stop = Values.integer(r, "stop_timeout");
        if (stop == null) {
            stop = Values.integer(root, "stop_timeout");
        }
        if (stop == null && proxy == null) {
            stop = Values.integer(root, "drain_timeout", 30);
        }
        Map<String, String> labels = new LinkedHashMap<>(Values.stringMap(root.get("labels")));
        labels.putAll(Values.stringMap(r.get("labels")));
        String assetPath = r.containsKey("asset_path") ? Values.str(r, "asset_path") : Values.str(root, "asset_path");
        return new Role(name, hosts(r.get("hosts")), Values.str(r, "cmd"), stop,
                restart == null ? "unless-stopped" : Values.str(restart), options,
                logging(Values.map(root, "logging"), Values.map(r, "logging")), labels,
                EnvBuilder.merge(rootEnv, r.containsKey("env") ? EnvBuilder.of(r.get("env"), false) : Env.EMPTY),
                proxy, assetPath);
    }

    /** Primary role: on unless {@code false}; others: off unless {@code true} or a map (merged over root). */
    private Proxy proxy(String name, Object own) {
        boolean on = name.equals(primaryRole) ? !Boolean.FALSE.equals(own)
                : Boolean.TRUE.equals(own) || own instanceof Map;
        if (!on) {
            return null;
        }
        return ProxyBuilder.of(DeepMerge.merge(Values.map(root, "proxy"), Values.map(own)));
    }

    static Logging logging(Map<String, Object> rootLogging, Map<String, Object> own) {
        Map<String, Object> merged = DeepMerge.merge(rootLogging, own);
        return new Logging(Values.str(merged, "driver"), Values.stringMap(merged.get("options")));
    }

    /** Hosts deduplicated by exact string: first position kept, last entry's tags win. */
    static List<Host> hosts(Object entries) {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        if (entries instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    m.forEach((h, tags) -> hosts.put(String.valueOf(h), Values.strings(tags)));
                } else {
                    hosts.put(Values.str(e), List.of());
                }
            }
        }
        List<Host> out = new ArrayList<>();
        hosts.forEach((h, tags) -> out.add(new Host(h, tags == null ? List.of() : tags)));
        return List.copyOf(out);
    }
}
