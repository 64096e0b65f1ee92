package org.kamal4j.config.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.ProjectPaths;
import org.kamal4j.config.Role;

/** Kamal's checks after schema validation in its order (docs/compatibility.md); messages carry no key path. */
public final class CrossChecks {

    /** The Kamal release whose behaviour we follow, for {@code minimum_version}. */
    public static final String KAMAL_VERSION = "2.12.0";

    private final Problems problems;

    public CrossChecks(Problems problems) {
        this.problems = problems;
    }

    /** Checks 1-6, 9 and 11, which need only the (schema-valid) tree. */
    public void beforeModel(Map<String, Object> root, String destination, Path baseDir) {
        if (Boolean.TRUE.equals(root.get("require_destination")) && destination == null) {
            problems.addTopLevel("You must specify a destination", "require_destination");
        }
        required(root);
        roles(root);
        if (root.get("minimum_version") != null
                && compareVersions(KAMAL_VERSION, String.valueOf(root.get("minimum_version"))) < 0) {
            problems.addTopLevel("Current version is " + KAMAL_VERSION + ", minimum required is "
                    + root.get("minimum_version"), "minimum_version");
        }
        if (root.get("retain_containers") instanceof Number n && n.longValue() < 1) {
            problems.addTopLevel("Must retain at least 1 container", "retain_containers");
        }
        if (root.get("service") != null && !validName(String.valueOf(root.get("service")))) {
            problems.addTopLevel("Service name can only include alphanumeric characters, hyphens, and underscores",
                    "service");
        }
        names(root, destination);
        traefikHooks(root, baseDir);
    }

    /**
     * Role, accessory and accessory service names and the destination end up in container names, labels, file
     * paths and remote command lines, so they get the rule Kamal applies to the service name (Kamal 2.12 checks
     * only the service; docs/compatibility.md).
     */
    private void names(Map<String, Object> root, String destination) {
        for (String role : SchemaValidator.roleNames(root)) {
            if (!validName(role)) {
                problems.add("servers/" + role, "Role name " + NAME_RULE);
            }
        }
        if (root.get("accessories") instanceof Map<?, ?> accessories) {
            accessories.forEach((name, acc) -> {
                String path = "accessories/" + name;
                if (!validName(String.valueOf(name))) {
                    problems.add(path, "Accessory name " + NAME_RULE);
                }
                if (acc instanceof Map<?, ?> a && a.get("service") != null
                        && !validName(String.valueOf(a.get("service")))) {
                    problems.add(path + "/service", "Accessory service name " + NAME_RULE);
                }
            });
        }
        if (destination != null && !validName(destination)) {
            problems.addTopLevel("Destination " + NAME_RULE, null);
        }
    }

    private static final String NAME_RULE = "can only include alphanumeric characters, hyphens, and underscores";

    /** Kamal's service-name rule ({@code /^[a-z0-9_-]+$/i}). */
    public static boolean validName(String name) {
        return name.matches("[A-Za-z0-9_-]+");
    }

    private void required(Map<String, Object> root) {
        if (root.get("service") == null) {
            problems.addTopLevel("Missing required configuration for service", null);
        }
        boolean local = root.get("registry") instanceof Map<?, ?> r && r.get("server") instanceof String s
                && s.startsWith("localhost:");
        if (root.get("image") == null && !local) {
            problems.addTopLevel("Missing required configuration for image", null);
        }
        boolean servers = root.get("servers") instanceof List<?> l ? !l.isEmpty()
                : root.get("servers") instanceof Map<?, ?> m && !m.isEmpty();
        boolean accessories = root.get("accessories") instanceof Map<?, ?> a && !a.isEmpty();
        if (!servers && !accessories) {
            problems.addTopLevel("No servers or accessories specified", "servers");
        }
    }

    private void roles(Map<String, Object> root) {
        Set<String> names = SchemaValidator.roleNames(root);
        if (names.isEmpty()) {
            return;
        }
        String primary = root.get("primary_role") == null ? "web" : String.valueOf(root.get("primary_role"));
        if (!names.contains(primary)) {
            problems.addTopLevel("The primary_role " + primary + " isn't defined", "primary_role");
        }
        for (String role : new TreeSet<>(names)) {
            if (hostCount(root, role) > 0) {
                continue;
            }
            if (role.equals(primary)) {
                problems.addTopLevel("No servers specified for the " + role + " primary_role", "servers/" + role);
            } else if (!Boolean.TRUE.equals(root.get("allow_empty_roles"))) {
                problems.addTopLevel("No servers specified for the " + role
                        + " role. You can ignore this with allow_empty_roles: true", "servers/" + role);
            }
        }
    }

    private static int hostCount(Map<String, Object> root, String role) {
        Object servers = root.get("servers");
        Object spec = servers instanceof Map<?, ?> m ? m.get(role) : servers;
        Object hosts = spec instanceof Map<?, ?> m ? m.get("hosts") : spec;
        return hosts instanceof List<?> l ? l.size() : 0;
    }

    private void traefikHooks(Map<String, Object> root, Path baseDir) {
        String hooksPath = ProjectPaths.hooks(root);
        List<String> found = new ArrayList<>();
        for (String hook : new String[] {"pre-traefik-reboot", "post-traefik-reboot"}) {
            if (baseDir != null && Files.exists(baseDir.resolve(hooksPath).resolve(hook))) {
                found.add(hook);
            }
        }
        if (!found.isEmpty()) {
            problems.addTopLevel("Found " + String.join(", ", found)
                    + ", these should be renamed to (pre|post)-proxy-reboot", "hooks_path");
        }
    }

    /** Checks 7-11, which need the resolved roles and proxies. */
    public void afterModel(DeployConfig config, Map<String, Object> root) {
        List<Role> sslRoles = config.roles().stream()
                .filter(r -> r.runsProxy() && r.proxy().ssl() && !r.proxy().customCertificate()).toList();
        for (Role r : sslRoles) {
            if (r.hosts().size() > 1) {
                problems.addTopLevel("SSL is only supported on a single server unless you provide custom "
                        + "certificates, found " + r.hosts().size() + " servers for role " + r.name(), "proxy");
            }
        }
        sharedSslHosts(config);
        if (config.registry().local() && config.builder().remote() != null
                && !config.builder().remote().startsWith("ssh://")) {
            problems.addTopLevel("Local registry with remote builder requires an SSH URL (e.g., ssh://user@host)",
                    "builder/remote");
        }
        conflictingRuns(config);
        hooksOutput(root.get("hooks_output"));
    }

    private void sharedSslHosts(DeployConfig config) {
        Map<String, Integer> count = new LinkedHashMap<>();
        config.roles().stream().filter(r -> r.runsProxy() && r.proxy().ssl())
                .forEach(r -> r.hostNames().forEach(h -> count.merge(h, 1, Integer::sum)));
        List<String> shared = count.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        if (!shared.isEmpty()) {
            problems.addTopLevel("Different roles can't share the same host for SSL: " + String.join(", ", shared),
                    "proxy");
        }
    }

    private void conflictingRuns(DeployConfig config) {
        Map<String, Set<Object>> runs = new LinkedHashMap<>();
        for (Role r : config.roles()) {
            if (r.runsProxy()) {
                r.hostNames().forEach(h -> runs.computeIfAbsent(h, k -> new LinkedHashSet<>())
                        .add(Objects.requireNonNullElse(r.proxy().run(), "none")));
            }
        }
        for (Accessory a : config.accessories().values()) {
            if (a.proxy() != null) {
                a.hosts().forEach(h -> runs.computeIfAbsent(h, k -> new LinkedHashSet<>())
                        .add(Objects.requireNonNullElse(a.proxy().run(), "none")));
            }
        }
        runs.forEach((host, set) -> {
            if (set.size() > 1) {
                problems.addTopLevel("Conflicting proxy run configurations for host " + host, "proxy");
            }
        });
    }

    private void hooksOutput(Object v) {
        if (v instanceof Map<?, ?> m) {
            Checker.asMap(m).forEach((hook, mode) -> {
                if (!validOutput(mode)) {
                    problems.addTopLevel("Invalid hooks_output '" + mode + "' for hook '" + hook
                            + "', must be one of: quiet, verbose", "hooks_output/" + hook);
                }
            });
        } else if (v != null && !validOutput(v)) {
            problems.addTopLevel("Invalid hooks_output '" + v + "', must be one of: quiet, verbose", "hooks_output");
        }
    }

    private static boolean validOutput(Object mode) {
        String s = String.valueOf(mode);
        s = s.startsWith(":") ? s.substring(1) : s;
        return s.equals("quiet") || s.equals("verbose");
    }

    /** Compares dotted versions numerically segment by segment (missing segments count as 0). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(segment(x, i), segment(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long segment(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        String digits = parts[i].replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
