package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.yaml.DeepMerge;

/** Validates {@code servers}: a host list (role {@code web}) or a map of roles. */
record ServersValidator(Checker c, EnvValidator env, ProxyValidator proxy, SectionsValidator sections) {

    private static final Set<String> ROLE_KEYS = Set.of("hosts", "cmd", "stop_timeout", "options", "logging",
            "proxy", "labels", "env", "asset_path");

    void validate(Object servers, Map<String, Object> root) {
        if (!c.type("servers", servers, Kind.ARRAY, Kind.HASH)) {
            return;
        }
        if (servers instanceof List<?> hosts) {
            hostList("servers", hosts);
            return;
        }
        Checker.asMap(servers).forEach((name, role) -> role(join("servers", name), name, role, root));
    }

    void hostList(String path, List<?> hosts) {
        for (int i = 0; i < hosts.size(); i++) {
            String p = join(path, i);
            Object h = hosts.get(i);
            if (!c.type(p, h, Kind.STRING, Kind.HASH)) {
                continue;
            }
            if (h instanceof String s) {
                HostNames.check(c, p, s);
            }
            if (h instanceof Map<?, ?> m) {
                if (m.size() != 1) {
                    c.add(p, "multiple hosts found");
                    continue;
                }
                Map.Entry<?, ?> e = m.entrySet().iterator().next();
                HostNames.check(c, join(p, e.getKey()), String.valueOf(e.getKey()));
                if (e.getValue() instanceof List<?> tags) {
                    c.listOf(join(p, e.getKey()), tags, Kind.STRING);
                } else {
                    c.type(join(p, e.getKey()), e.getValue(), Kind.STRING, Kind.ARRAY);
                }
            }
        }
    }

    private void role(String path, String name, Object role, Map<String, Object> root) {
        if (!c.type(path, role, Kind.ARRAY, Kind.HASH)) {
            return;
        }
        if (role instanceof List<?> hosts) {
            hostList(path, hosts);
            return;
        }
        Map<String, Object> r = Checker.asMap(role);
        c.keys(path, r, ROLE_KEYS);
        if (r.containsKey("hosts") && c.type(join(path, "hosts"), r.get("hosts"), Kind.ARRAY)) {
            hostList(join(path, "hosts"), (List<?>) r.get("hosts"));
        }
        c.optional(r, path, "cmd", Kind.STRING);
        c.optional(r, path, "stop_timeout", Kind.INTEGER);
        c.optional(r, path, "asset_path", Kind.STRING);
        if (r.containsKey("options")) {
            c.options(join(path, "options"), r.get("options"));
        }
        if (r.containsKey("logging")) {
            sections.logging(join(path, "logging"), r.get("logging"));
        }
        if (r.containsKey("labels")) {
            c.labels(join(path, "labels"), r.get("labels"), true);
        }
        if (r.containsKey("env")) {
            env.validate(join(path, "env"), r.get("env"), false);
        }
        if (r.containsKey("proxy") && c.type(join(path, "proxy"), r.get("proxy"), Kind.BOOLEAN, Kind.HASH)
                && r.get("proxy") instanceof Map<?, ?> own) {
            proxy.schema(join(path, "proxy"), Checker.asMap(own));
            Object rootProxy = root.get("proxy");
            Map<String, Object> base = rootProxy instanceof Map<?, ?> m ? Checker.asMap(m) : Map.of();
            proxy.rules(join(path, "proxy"), DeepMerge.merge(base, Checker.asMap(own)));
        }
    }
}
