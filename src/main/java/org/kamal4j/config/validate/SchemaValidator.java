package org.kamal4j.config.validate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a whole deploy.yml tree key by key, in Kamal's order, collecting every problem. */
public final class SchemaValidator {

    private static final Map<String, Kind[]> TOP = new LinkedHashMap<>();

    static {
        for (String k : new String[] {"service", "image", "asset_path", "hooks_path", "secrets_path",
                "error_pages_path", "primary_role", "minimum_version", "run_directory"}) {
            TOP.put(k, new Kind[] {Kind.STRING});
        }
        for (String k : new String[] {"retain_containers", "readiness_delay", "deploy_timeout", "drain_timeout",
                "stop_timeout"}) {
            TOP.put(k, new Kind[] {Kind.INTEGER});
        }
        TOP.put("require_destination", new Kind[] {Kind.BOOLEAN});
        TOP.put("allow_empty_roles", new Kind[] {Kind.BOOLEAN});
        TOP.put("hooks_output", new Kind[] {Kind.STRING, Kind.HASH});
        TOP.put("volumes", new Kind[] {Kind.ARRAY});
        TOP.put("labels", new Kind[] {Kind.HASH});
        for (String k : new String[] {"servers", "registry", "accessories", "aliases", "boot", "builder", "env",
                "logging", "output", "proxy", "ssh", "sshkit"}) {
            TOP.put(k, null);
        }
    }

    private final Checker c;
    private final SectionsValidator sections;
    private final EnvValidator env;
    private final ProxyValidator proxy;

    public SchemaValidator(Problems problems) {
        this.c = new Checker(problems);
        this.sections = new SectionsValidator(c);
        this.env = new EnvValidator(c);
        this.proxy = new ProxyValidator(c);
    }

    /** Every schema problem of {@code root}, in Kamal's order of sections. */
    public void validate(Map<String, Object> root) {
        c.keys("", root, TOP.keySet());
        TOP.forEach((k, kinds) -> {
            if (kinds != null && root.containsKey(k)) {
                c.type(k, root.get(k), kinds);
            }
        });
        if (root.get("volumes") instanceof List<?> volumes) {
            c.listOf("volumes", volumes, Kind.STRING);
        }
        if (root.get("labels") instanceof Map) {
            c.labels("labels", root.get("labels"), false);
        }
        if (root.containsKey("servers")) {
            new ServersValidator(c, env, proxy, sections).validate(root.get("servers"), root);
        }
        sections.registry("registry", root.getOrDefault("registry", Map.of()));
        if (root.containsKey("accessories")) {
            new AccessoriesValidator(c, env, proxy, sections).validate(root.get("accessories"), roleNames(root));
        }
        sections(root);
    }

    private void sections(Map<String, Object> root) {
        if (root.containsKey("aliases")) {
            sections.aliases(root.get("aliases"));
        }
        if (root.containsKey("boot")) {
            sections.boot(root.get("boot"));
        }
        new BuilderValidator(c).builder(root.get("builder"));
        if (root.containsKey("env")) {
            env.validate("env", root.get("env"), true);
        }
        if (root.containsKey("logging")) {
            sections.logging("logging", root.get("logging"));
        }
        if (root.containsKey("output")) {
            sections.output(root.get("output"));
        }
        if (root.containsKey("proxy") && c.type("proxy", root.get("proxy"), Kind.HASH)) {
            proxy.schema("proxy", Checker.asMap(root.get("proxy")));
            proxy.rules("proxy", Checker.asMap(root.get("proxy")));
        }
        if (root.containsKey("ssh")) {
            sections.ssh(root.get("ssh"));
        }
        if (root.containsKey("sshkit")) {
            sections.sshkit(root.get("sshkit"));
        }
    }

    /** The role names {@code servers} defines ({@code web} for the list form). */
    public static Set<String> roleNames(Map<String, Object> root) {
        Object servers = root.get("servers");
        if (servers instanceof List) {
            return Set.of("web");
        }
        return servers instanceof Map<?, ?> m ? new LinkedHashSet<>(Checker.asMap(m).keySet()) : Set.of();
    }
}
