package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/**
 * A server role with its effective settings (root values already merged where Kamal merges them).
 *
 * @param proxy   null when the role does not run kamal-proxy
 * @param options extra {@code docker run} options except {@code restart}; values are String, Boolean or List
 * @param env     the role's effective env before host tags (root env merged with the role env)
 * @param labels  root {@code labels} then the role's (role wins); the service/role/destination labels are not included
 * @param stopTimeout {@code docker stop -t}: role, else root {@code stop_timeout}, else null for proxy roles
 *                (Docker's default) and {@code drain_timeout} for the others
 */
public record Role(
        String name,
        List<Host> hosts,
        String cmd,
        Integer stopTimeout,
        String restartPolicy,
        Map<String, Object> options,
        Logging logging,
        Map<String, String> labels,
        Env env,
        Proxy proxy,
        String assetPath) {

    public boolean runsProxy() {
        return proxy != null;
    }

    public List<String> hostNames() {
        return hosts.stream().map(Host::name).toList();
    }
}
