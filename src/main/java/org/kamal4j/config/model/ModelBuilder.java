package org.kamal4j.config.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.Boot;
import org.kamal4j.config.Builder;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Env;
import org.kamal4j.config.Jib;
import org.kamal4j.config.ProjectPaths;
import org.kamal4j.config.Registry;
import org.kamal4j.config.Role;
import org.kamal4j.config.SecretValue;
import org.kamal4j.config.Secrets;
import org.kamal4j.config.Timeouts;

/** Turns a validated deploy.yml tree into a {@link DeployConfig}, applying Kamal's defaults. */
public final class ModelBuilder {

    private ModelBuilder() {}

    /** Builds the model; {@code root} must have passed schema validation. */
    public static DeployConfig build(Map<String, Object> root, String destination, String version, Secrets secrets) {
        String service = Values.str(root, "service");
        Registry registry = registry(Values.map(root, "registry"));
        String image = image(root, registry);
        String primary = root.containsKey("primary_role") ? Values.str(root, "primary_role") : "web";
        Env env = EnvBuilder.of(root.get("env"), true);
        List<Role> roles = new RoleBuilder(root, primary, env).build();
        Map<String, Accessory> accessories = new AccessoryBuilder(service, roles)
                .build(Values.map(root, "accessories"));
        Map<String, Object> proxy = Values.map(root, "proxy");
        return new DeployConfig(service, image, destination, version, registry, roles, primary, accessories, env,
                ProxyBuilder.of(proxy), SshBuilder.ssh(Values.map(root, "ssh")),
                SshBuilder.sshkit(Values.map(root, "sshkit")),
                boot(Values.map(root, "boot"), allHostCount(roles, accessories)), builder(root, image),
                RoleBuilder.logging(Values.map(root, "logging"), Map.of()), Values.stringMap(root.get("labels")),
                orEmpty(Values.strings(root.get("volumes"))),
                new ProjectPaths(Values.str(root, "asset_path"), ProjectPaths.hooks(root), ProjectPaths.secrets(root),
                        Values.str(root, "error_pages_path")),
                hooksOutput(root.get("hooks_output")),
                new Timeouts(Values.integer(root, "readiness_delay", Timeouts.DEFAULT_READINESS_DELAY),
                        Values.integer(root, "deploy_timeout", Timeouts.DEFAULT_DEPLOY),
                        Values.integer(root, "drain_timeout", Timeouts.DEFAULT_DRAIN),
                        Values.integer(root, "stop_timeout")),
                Values.integer(root, "retain_containers", DeployConfig.DEFAULT_RETAIN_CONTAINERS),
                Values.stringMap(root.get("aliases")), secrets);
    }

    static Registry registry(Map<String, Object> r) {
        return new Registry(Values.str(r, "server"), secretValue(r.get("username")), secretValue(r.get("password")));
    }

    private static SecretValue secretValue(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof List<?> l ? SecretValue.secret(Values.str(l.get(0))) : SecretValue.literal(Values.str(v));
    }

    /** Boot limit: an integer, or "P%" of all configured hosts (accessory hosts included), floored, at least 1. */
    static Boot boot(Map<String, Object> b, int hostCount) {
        Object raw = b.get("limit");
        Integer limit = null;
        if (raw instanceof Number n) {
            limit = n.intValue();
        } else if (raw instanceof String s && s.endsWith("%")) {
            int percent = Integer.parseInt(s.replaceAll("[^0-9].*$", ""));
            limit = Math.max(1, hostCount * percent / 100);
        } else if (raw instanceof String s) {
            limit = Integer.parseInt(s);
        }
        return new Boot(limit, Values.str(raw), Values.integer(b, "wait"), Values.bool(b, "parallel_roles", false));
    }

    private static int allHostCount(List<Role> roles, Map<String, Accessory> accessories) {
        Set<String> hosts = new HashSet<>();
        roles.forEach(r -> hosts.addAll(r.hostNames()));
        accessories.values().forEach(a -> hosts.addAll(a.hosts()));
        return hosts.size();
    }

    /**
     * The {@code builder} section alone, for the loader: whether the build takes the working tree decides the
     * version's {@code _uncommitted_} suffix, which is resolved before the rest of the model is built.
     */
    public static Builder builder(Map<String, Object> root) {
        return builder(root, image(root, registry(Values.map(root, "registry"))));
    }

    private static String image(Map<String, Object> root, Registry registry) {
        return root.get("image") != null ? Values.str(root, "image")
                : registry.local() ? Values.str(root, "service") : null;
    }

    private static Builder builder(Map<String, Object> root, String image) {
        Map<String, Object> b = Values.map(root, "builder");
        Map<String, Object> cache = Values.map(b, "cache");
        Map<String, Object> pack = Values.map(b, "pack");
        String cacheImage = cache.containsKey("image") ? Values.str(cache, "image")
                : image == null ? null : image + "-build-cache";
        return new Builder(orEmpty(Values.strings(b.get("arch"))), Values.str(b, "remote"),
                Values.bool(b, "local", true), b.containsKey("driver") ? Values.str(b, "driver") : "docker-container",
                Values.str(b, "context"), b.containsKey("dockerfile") ? Values.str(b, "dockerfile") : "Dockerfile",
                Values.str(b, "target"), Values.stringMap(b.get("args")), orEmpty(Values.strings(b.get("secrets"))),
                Values.str(b, "ssh"), Values.str(cache, "type"), Values.str(cache, "options"), cacheImage,
                Values.str(pack, "builder"), orEmpty(Values.strings(pack.get("buildpacks"))),
                Values.str(b, "provenance"), Values.bool(b, "sbom"), jib(b));
    }

    private static Jib jib(Map<String, Object> b) {
        if (!b.containsKey("jib")) {
            return null;
        }
        Map<String, Object> j = Values.map(b, "jib");
        return new Jib(Values.str(j, "from"), Values.str(j, "main_class"), orEmpty(Values.strings(j.get("entrypoint"))),
                orEmpty(Values.strings(j.get("jvm_flags"))), orEmpty(Values.strings(j.get("args"))),
                orEmpty(Values.strings(j.get("ports"))), Values.stringMap(j.get("labels")),
                Values.stringMap(j.get("environment")), orEmpty(Values.strings(j.get("extra_directories"))),
                Values.str(j, "user"), Values.str(j, "working_directory"), Values.str(j, "app_root"),
                Values.bool(j, "allow_insecure_registries", false));
    }

    /** {@code hooks_output}: a string applies to every hook (key {@code *}); a leading ':' is dropped. */
    private static Map<String, String> hooksOutput(Object v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map) {
            Values.map(v).forEach((hook, mode) -> out.put(hook, stripColon(Values.str(mode))));
        } else if (v != null) {
            out.put("*", stripColon(Values.str(v)));
        }
        return out;
    }

    static String stripColon(String s) {
        return s != null && s.startsWith(":") ? s.substring(1) : s;
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

}
