package org.kamal4j.config.validate;

import static org.kamal4j.config.yaml.SourceMap.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates {@code accessories}: each a map with exactly one host selector. */
record AccessoriesValidator(Checker c, EnvValidator env, ProxyValidator proxy, SectionsValidator sections) {

    private static final List<String> SELECTORS = List.of("host", "hosts", "role", "roles", "tag", "tags");
    private static final Set<String> KEYS = Set.of("service", "image", "registry", "host", "hosts", "role",
            "roles", "tag", "tags", "cmd", "port", "labels", "options", "env", "files", "directories", "volumes",
            "network", "proxy");

    void validate(Object accessories, Set<String> roleNames) {
        if (!c.type("accessories", accessories, Kind.HASH)) {
            return;
        }
        Checker.asMap(accessories).forEach((name, a) -> {
            String path = join("accessories", name);
            if (c.type(path, a, Kind.HASH)) {
                accessory(path, Checker.asMap(a), roleNames);
            }
        });
    }

    private void accessory(String path, Map<String, Object> a, Set<String> roleNames) {
        c.keys(path, a, KEYS);
        for (String k : new String[] {"service", "image", "host", "role", "tag", "cmd", "port", "network"}) {
            c.optional(a, path, k, Kind.STRING);
        }
        for (String k : new String[] {"hosts", "roles", "tags", "volumes"}) {
            if (a.containsKey(k)) {
                c.listOf(join(path, k), a.get(k), Kind.STRING);
            }
        }
        if (a.get("host") instanceof String h) {
            HostNames.check(c, join(path, "host"), h);
        }
        if (a.get("hosts") instanceof List<?> hs) {
            for (int i = 0; i < hs.size(); i++) {
                if (hs.get(i) instanceof String h) {
                    HostNames.check(c, join(join(path, "hosts"), i), h);
                }
            }
        }
        if (SELECTORS.stream().filter(a::containsKey).count() != 1) {
            c.add(path, "specify one of `host`, `hosts`, `role`, `roles`, `tag` or `tags`");
        }
        roles(path, a, roleNames);
        if (a.containsKey("registry")) {
            sections.registry(join(path, "registry"), a.get("registry"));
        }
        if (a.containsKey("labels")) {
            c.labels(join(path, "labels"), a.get("labels"), true);
        }
        if (a.containsKey("options")) {
            c.options(join(path, "options"), a.get("options"));
        }
        if (a.containsKey("env")) {
            env.validate(join(path, "env"), a.get("env"), false);
        }
        mounts(join(path, "files"), a.get("files"));
        mounts(join(path, "directories"), a.get("directories"));
        if (c.optional(a, path, "proxy", Kind.HASH)) {
            proxy.schema(join(path, "proxy"), Checker.asMap(a.get("proxy")));
            proxy.rules(join(path, "proxy"), Checker.asMap(a.get("proxy")));
        }
    }

    private void roles(String path, Map<String, Object> a, Set<String> roleNames) {
        List<String> unknown = new ArrayList<>();
        if (a.get("role") instanceof String r && !roleNames.contains(r)) {
            c.add(path, "unknown role " + r);
        }
        if (a.get("roles") instanceof List<?> rs) {
            rs.stream().map(String::valueOf).filter(r -> !roleNames.contains(r)).forEach(unknown::add);
        }
        if (!unknown.isEmpty()) {
            c.add(path, (unknown.size() == 1 ? "unknown role " : "unknown roles ") + String.join(", ", unknown));
        }
    }

    private void mounts(String path, Object v) {
        if (v == null || !c.type(path, v, Kind.ARRAY)) {
            return;
        }
        List<?> l = (List<?>) v;
        for (int i = 0; i < l.size(); i++) {
            String p = join(path, i);
            if (c.type(p, l.get(i), Kind.STRING, Kind.HASH) && l.get(i) instanceof Map<?, ?> m) {
                Map<String, Object> mount = Checker.asMap(m);
                c.keys(p, mount, Set.of("local", "remote", "mode", "owner", "options"));
                mount.forEach((k, val) -> c.type(join(p, k), val, Kind.STRING));
            }
        }
    }
}
