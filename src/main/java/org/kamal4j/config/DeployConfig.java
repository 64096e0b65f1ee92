package org.kamal4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole resolved configuration of one deployment: what deploy.yml (or the pom) says, validated, merged with
 * its destination file, with defaults applied. Immutable. Derived names (containers, directories, lock, tags)
 * are computed here and nowhere else.
 *
 * @param roles       sorted by name, as Kamal keeps them
 * @param accessories in configuration order
 * @param version     the version to operate on ({@code -Dkamal.version}, else {@code VERSION}, else git HEAD);
 *                    null only when the loader was told the version is optional
 * @param hooksOutput hook name to {@code quiet}/{@code verbose} (leading ':' removed); the string form of
 *                    {@code hooks_output} is stored under the key {@code *} (all hooks)
 * @param paths       asset, hooks, secrets and error-pages paths, defaults applied
 * @param timeouts    readiness delay, deploy, drain and root stop timeouts, defaults applied
 */
public record DeployConfig(
        String service,
        String image,
        String destination,
        String version,
        Registry registry,
        List<Role> roles,
        String primaryRoleName,
        Map<String, Accessory> accessories,
        Env env,
        Proxy proxy,
        Ssh ssh,
        Sshkit sshkit,
        Boot boot,
        Builder builder,
        Logging logging,
        Map<String, String> labels,
        List<String> volumes,
        ProjectPaths paths,
        Map<String, String> hooksOutput,
        Timeouts timeouts,
        int retainContainers,
        Map<String, String> aliases,
        Secrets secrets) {

    /** Kamal's {@code retain_containers} default. */
    public static final int DEFAULT_RETAIN_CONTAINERS = 5;

    /** The same configuration operating on another version (rollback). */
    public DeployConfig withVersion(String newVersion) {
        return new DeployConfig(service, image, destination, newVersion, registry, roles, primaryRoleName,
                accessories, env, proxy, ssh, sshkit, boot, builder, logging, labels, volumes, paths, hooksOutput,
                timeouts, retainContainers, aliases, secrets);
    }

    /** {@code <registry.server>/<image>}, or just the image for Docker Hub. */
    public String repository() {
        return registry.server() == null ? image : registry.server() + "/" + image;
    }

    public String absoluteImage() {
        return repository() + ":" + version;
    }

    /** {@code latest} or {@code latest-<destination>}. */
    public String latestTag() {
        return destination == null ? "latest" : "latest-" + destination;
    }

    public String latestImage() {
        return repository() + ":" + latestTag();
    }

    /** {@code <service>[-<destination>]}: app directory, lock, audit log and proxy apps-config names. */
    public String serviceWithDestination() {
        return destination == null ? service : service + "-" + destination;
    }

    /** {@code <service>-<role>[-<destination>]}; also the kamal-proxy service name of the role. */
    public String containerPrefix(String role) {
        return service + "-" + role + (destination == null ? "" : "-" + destination);
    }

    public String containerName(String role, String ver) {
        return containerPrefix(role) + "-" + ver;
    }

    public String appDirectory() {
        return ".kamal/apps/" + serviceWithDestination();
    }

    public String roleEnvFile(String role) {
        return appDirectory() + "/env/roles/" + role + ".env";
    }

    public String lockDirectory() {
        return ".kamal/lock-" + serviceWithDestination();
    }

    public String auditLog() {
        return ".kamal/" + serviceWithDestination() + "-audit.log";
    }

    public Role role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The asset path of {@code role} ({@code role:options} form kept): its own {@code asset_path}, else the root
     * one; null for roles without kamal-proxy, which never mount assets.
     */
    public String assetPathOf(Role role) {
        if (!role.runsProxy()) {
            return null;
        }
        return role.assetPath() != null ? role.assetPath() : paths.asset();
    }

    public Role primaryRole() {
        return role(primaryRoleName);
    }

    /** The first host of the primary role. */
    public String primaryHost() {
        Role p = primaryRole();
        return p == null || p.hosts().isEmpty() ? null : p.hosts().get(0).name();
    }

    /** Hosts of every role in role order, deduplicated by exact string. */
    public List<String> appHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Role r : roles) {
            hosts.addAll(r.hostNames());
        }
        return List.copyOf(hosts);
    }

    /** App hosts, then accessory hosts, deduplicated. */
    public List<String> allHosts() {
        Set<String> hosts = new LinkedHashSet<>(appHosts());
        for (Accessory a : accessories.values()) {
            hosts.addAll(a.hosts());
        }
        return List.copyOf(hosts);
    }

    /** Roles with the primary role first, then the rest alphabetically. */
    public List<Role> rolesInBootOrder() {
        List<Role> out = new ArrayList<>();
        Role p = primaryRole();
        if (p != null) {
            out.add(p);
        }
        for (Role r : roles) {
            if (r != p) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * {@code hosts} with the hosts that carry the primary role moved to the front. The sort is stable: both parts
     * keep their order in {@code hosts} (the all-hosts order, roles by name), not the primary role's own host
     * order. This is Kamal's rule, and the one order every command and {@code kamal:config} use.
     */
    public List<String> primaryRoleFirst(List<String> hosts) {
        Role p = primaryRole();
        List<String> out = new ArrayList<>();
        hosts.stream().filter(h -> p != null && p.hostNames().contains(h)).forEach(out::add);
        hosts.stream().filter(h -> p == null || !p.hostNames().contains(h)).forEach(out::add);
        return List.copyOf(out);
    }

    /** App hosts in boot order: {@link #primaryRoleFirst} of {@link #appHosts()}. */
    public List<String> bootOrder() {
        return primaryRoleFirst(appHosts());
    }

    /** The boot order cut into the groups of {@code boot.limit}. */
    public List<List<String>> bootGroups() {
        return boot.groups(bootOrder());
    }

    /** The roles that run on {@code host}, in boot order (primary first). */
    public List<Role> rolesOn(String host) {
        return rolesInBootOrder().stream().filter(r -> r.hostNames().contains(host)).toList();
    }

    /** Tags of {@code host} within {@code role}. */
    public List<String> tagsOf(Role role, String host) {
        return role.hosts().stream().filter(h -> h.name().equals(host)).findFirst().map(Host::tags)
                .orElse(List.of());
    }

    /** Hosts that run kamal-proxy (proxy roles, then proxied accessories). */
    public List<String> proxyHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        for (Role r : roles) {
            if (r.runsProxy()) {
                hosts.addAll(r.hostNames());
            }
        }
        for (Accessory a : accessories.values()) {
            if (a.proxy() != null) {
                hosts.addAll(a.hosts());
            }
        }
        return List.copyOf(hosts);
    }

    /**
     * The effective env of a role on a host: the role env, then each of the host's tags in order. Clear values:
     * later wins; secret entries: union in first-seen order, a later entry for the same variable wins.
     */
    public Env envFor(Role role, String host) {
        Map<String, String> clear = new LinkedHashMap<>(role.env().clear());
        Map<String, String> secretsByVar = new LinkedHashMap<>();
        role.env().secrets().forEach(s -> secretsByVar.put(variableOf(s), s));
        for (String tag : tagsOf(role, host)) {
            Env t = env.tags().get(tag);
            if (t != null) {
                clear.putAll(t.clear());
                t.secrets().forEach(s -> secretsByVar.put(variableOf(s), s));
            }
        }
        return new Env(clear, List.copyOf(secretsByVar.values()), Map.of());
    }

    private static String variableOf(String secretEntry) {
        int colon = secretEntry.indexOf(':');
        return colon < 0 ? secretEntry : secretEntry.substring(0, colon);
    }
}
