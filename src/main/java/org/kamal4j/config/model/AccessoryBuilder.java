package org.kamal4j.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.Accessory.MountSpec;
import org.kamal4j.config.Registry;
import org.kamal4j.config.Role;

/** Builds accessories, resolving their hosts from host/hosts/role/roles/tag/tags. */
final class AccessoryBuilder {

    private final String service;
    private final List<Role> roles;

    AccessoryBuilder(String service, List<Role> roles) {
        this.service = service;
        this.roles = roles;
    }

    Map<String, Accessory> build(Map<String, Object> accessories) {
        Map<String, Accessory> out = new LinkedHashMap<>();
        accessories.forEach((name, spec) -> out.put(name, accessory(name, Values.map(spec))));
        return out;
    }

    private Accessory accessory(String name, Map<String, Object> a) {
        Map<String, Object> options = new LinkedHashMap<>(Values.map(a, "options"));
        Object restart = options.remove("restart");
        Registry registry = a.get("registry") instanceof Map ? ModelBuilder.registry(Values.map(a, "registry"))
                : null;
        String image = Values.str(a, "image");
        if (image != null && registry != null && registry.server() != null) {
            image = registry.server() + "/" + image;
        }
        return new Accessory(name, a.containsKey("service") ? Values.str(a, "service") : service + "-" + name,
                image, registry, hosts(a), Values.str(a, "cmd"), Values.str(a, "port"),
                Values.stringMap(a.get("labels")), restart == null ? "unless-stopped" : Values.str(restart), options,
                EnvBuilder.of(a.get("env"), false), mounts(a.get("files")), mounts(a.get("directories")),
                orEmpty(Values.strings(a.get("volumes"))),
                a.containsKey("network") ? Values.str(a, "network") : "kamal",
                a.get("proxy") instanceof Map ? ProxyBuilder.of(Values.map(a, "proxy")) : null);
    }

    private List<String> hosts(Map<String, Object> a) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String k : new String[] {"host", "hosts"}) {
            List<String> l = Values.strings(a.get(k));
            if (l != null) {
                hosts.addAll(l);
            }
        }
        Set<String> roleNames = union(a.get("role"), a.get("roles"));
        Set<String> tags = union(a.get("tag"), a.get("tags"));
        for (Role r : roles) {
            if (roleNames.contains(r.name())) {
                hosts.addAll(r.hostNames());
            }
            r.hosts().stream().filter(h -> h.tags().stream().anyMatch(tags::contains))
                    .forEach(h -> hosts.add(h.name()));
        }
        return List.copyOf(hosts);
    }

    private static Set<String> union(Object one, Object many) {
        Set<String> out = new LinkedHashSet<>();
        List<String> a = Values.strings(one);
        List<String> b = Values.strings(many);
        if (a != null) {
            out.addAll(a);
        }
        if (b != null) {
            out.addAll(b);
        }
        return out;
    }

    /** {@code local:remote[:options]} or the map form. */
    private static List<MountSpec> mounts(Object v) {
        List<MountSpec> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object e : l) {
                if (e instanceof Map<?, ?> m) {
                    Map<String, Object> mm = Values.map(m);
                    out.add(new MountSpec(Values.str(mm, "local"), Values.str(mm, "remote"), Values.str(mm, "mode"),
                            Values.str(mm, "owner"), Values.str(mm, "options")));
                } else {
                    String[] parts = Values.str(e).split(":", 3);
                    out.add(new MountSpec(parts[0], parts.length > 1 ? parts[1] : null, null, null,
                            parts.length > 2 ? parts[2] : null));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }
}
