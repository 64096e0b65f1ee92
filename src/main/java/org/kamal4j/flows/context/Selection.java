package org.kamal4j.flows.context;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kamal4j.FlowException;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;

/**
 * The hosts and roles a command works on, from {@code -Dkamal.hosts} and {@code -Dkamal.roles} (comma-separated
 * shell globs, Kamal's 1.9 rules): selected roles, selected hosts, app hosts, primary host and primary role, each
 * in Kamal's order (primary role first; hosts carrying the primary role first).
 */
public final class Selection {

    private final DeployConfig config;
    private final List<Role> roles;
    private final List<String> hosts;
    private final String primaryHost;
    private final String primaryRole;
    private final boolean rolesFiltered;

    private Selection(DeployConfig config, List<Role> roles, List<String> hosts, String primaryHost,
            boolean rolesFiltered) {
        this.config = config;
        this.roles = roles;
        this.hosts = hosts;
        this.primaryHost = primaryHost;
        this.rolesFiltered = rolesFiltered;
        this.primaryRole = choosePrimaryRole(config, roles, primaryHost);
    }

    /** Everything configured. */
    public static Selection all(DeployConfig config) throws FlowException {
        return of(config, null, null);
    }

    /**
     * Applies the filters; blank means no filter.
     *
     * @throws FlowException {@code No --hosts match for <patterns>} / {@code No --roles match for <patterns>}
     */
    public static Selection of(DeployConfig config, String hostPatterns, String rolePatterns) throws FlowException {
        List<String> hostFilter = patterns(hostPatterns);
        List<String> roleFilter = patterns(rolePatterns);
        List<String> hosts = filterHosts(config, hostFilter);
        List<Role> roles = filterRoles(config, roleFilter);
        List<String> matched = hosts;
        List<Role> selectedRoles = roles.stream().filter(r -> r.hostNames().stream().anyMatch(matched::contains))
                .toList();
        if (!roleFilter.isEmpty()) {
            Set<String> roleHosts = new LinkedHashSet<>();
            selectedRoles.forEach(r -> roleHosts.addAll(r.hostNames()));
            hosts = hosts.stream().filter(roleHosts::contains).toList();
        }
        String primary = primaryHost(config, hostFilter.isEmpty() ? null : hosts, roleFilter.isEmpty() ? null
                : selectedRoles);
        return new Selection(config, selectedRoles, config.primaryRoleFirst(hosts), primary, !roleFilter.isEmpty());
    }

    private static List<String> filterHosts(DeployConfig config, List<String> globs) throws FlowException {
        if (globs.isEmpty()) {
            return config.allHosts();
        }
        List<String> hosts = config.allHosts().stream().filter(h -> matchesAny(h, globs)).toList();
        if (hosts.isEmpty()) {
            throw new FlowException("No --hosts match for " + String.join(",", globs) + "; configured hosts: "
                    + String.join(", ", config.allHosts()));
        }
        return hosts;
    }

    private static List<Role> filterRoles(DeployConfig config, List<String> globs) throws FlowException {
        if (globs.isEmpty()) {
            return config.rolesInBootOrder();
        }
        List<Role> roles = config.rolesInBootOrder().stream().filter(r -> matchesAny(r.name(), globs)).toList();
        if (roles.isEmpty()) {
            throw new FlowException("No --roles match for " + String.join(",", globs) + "; configured roles: "
                    + String.join(", ", config.roles().stream().map(Role::name).toList()));
        }
        return roles;
    }

    private static String primaryHost(DeployConfig config, List<String> hostMatches, List<Role> filteredRoles) {
        if (hostMatches != null) {
            return hostMatches.isEmpty() ? null : hostMatches.get(0);
        }
        if (filteredRoles != null) {
            Role r = filteredRoles.stream().filter(x -> x.name().equals(config.primaryRoleName())).findFirst()
                    .orElse(filteredRoles.isEmpty() ? null : filteredRoles.get(0));
            return r == null || r.hosts().isEmpty() ? null : r.hostNames().get(0);
        }
        return config.primaryHost();
    }

    private static String choosePrimaryRole(DeployConfig config, List<Role> roles, String host) {
        List<Role> on = roles.stream().filter(r -> r.hostNames().contains(host)).toList();
        return on.stream().filter(r -> r.name().equals(config.primaryRoleName())).findFirst()
                .or(() -> on.stream().findFirst()).map(Role::name).orElse(config.primaryRoleName());
    }

    private static List<String> patterns(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean matchesAny(String value, List<String> globs) {
        return globs.stream().anyMatch(g -> glob(g).matcher(value).matches());
    }

    /** Shell-glob semantics: {@code *} (dots included), {@code ?}, {@code [...]} and {@code [!...]}. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (close > 0) {
                String body = glob.substring(i + 1, close).replace("\\", "\\\\");
                re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                i = close;
            } else {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    public DeployConfig config() {
        return config;
    }

    /** Selected roles, primary role first. */
    public List<Role> roles() {
        return roles;
    }

    /** Selected hosts (accessory hosts included unless roles were filtered), primary-role hosts first. */
    public List<String> hosts() {
        return hosts;
    }

    /** Selected app hosts: hosts of the selected roles, primary-role hosts first. */
    public List<String> appHosts() {
        return hosts.stream().filter(h -> roles.stream().anyMatch(r -> r.hostNames().contains(h))).toList();
    }

    /** Names of the selected roles on {@code host}, primary role first. */
    public List<String> roleNamesOn(String host) {
        return roles.stream().filter(r -> r.hostNames().contains(host)).map(Role::name).toList();
    }

    /** Where the deploy lock lives. */
    public String primaryHost() {
        return primaryHost;
    }

    /** The gatekeeper role of the barrier. */
    public String primaryRole() {
        return primaryRole;
    }

    public boolean rolesFiltered() {
        return rolesFiltered;
    }

    /** The selected role names, comma-joined, for {@code KAMAL_ROLES}. */
    public String roleNames() {
        return String.join(",", roles.stream().map(Role::name).toList());
    }
}
