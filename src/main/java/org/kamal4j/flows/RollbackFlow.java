package org.kamal4j.flows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.RoleVersions;
import org.kamal4j.runner.MultiHostException;

/**
 * {@code kamal:rollback}: under the lock, checks that a container of the version exists for every selected
 * (host, role), then boots that version again from its image on the hosts. Unlike Kamal, an unavailable version
 * is an error naming the hosts that lack it.
 */
public final class RollbackFlow {

    private final FlowContext ctx;

    public RollbackFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Rolls back to {@code version}. */
    public BootReport run(String version) throws FlowException, MultiHostException, InterruptedException {
        long started = System.nanoTime();
        if (version == null || version.isBlank()) {
            throw new FlowException("No version to roll back to; pass it with -Dkamal.version=<version>");
        }
        DeployConfig config = ctx.config().withVersion(version);
        ctx.hook("pre-connect", version, ctx.selection().hosts(), Map.of());
        DeploySteps steps = new DeploySteps(ctx);
        BootReport report = new BootReport();
        DeployLock lock = new DeployLock(ctx);
        ctx.stop().settles();
        lock.acquire(LockCommands.AUTOMATIC_MESSAGE, version);
        try {
            Map<String, RoleVersions> found = requireAvailable(config);
            ctx.hook("pre-deploy", version, ctx.selection().hosts(), Map.of());
            steps.boot(config, found, report);
            steps.finish(config, false);
        } finally {
            lock.end(config);
            steps.summary(report);
        }
        ctx.hook("post-deploy", version, ctx.selection().hosts(), Map.of("KAMAL_RUNTIME",
                String.valueOf(Math.round((System.nanoTime() - started) / 1e9))));
        return report;
    }

    /**
     * Fails naming every (host, role) without a container of the version; returns what each runs
     * ({@link RoleVersions}: one probe per host, which the boot then need not repeat).
     */
    private Map<String, RoleVersions> requireAvailable(DeployConfig config) throws FlowException,
            MultiHostException, InterruptedException {
        List<String> missing = new CopyOnWriteArrayList<>();
        Map<String, RoleVersions> known = new ConcurrentHashMap<>();
        ctx.on(ctx.selection().appHosts(), (host, s) -> {
            List<String> roles = ctx.selection().roleNamesOn(host);
            Map<String, RoleVersions> found = RoleVersions.find(s, config, roles, ctx.randomHex());
            for (String role : roles) {
                RoleVersions versions = found.get(role);
                if (versions == null || versions.clash().isBlank()) {
                    missing.add(role + " on " + host);
                } else {
                    known.put(AppBoot.key(host, role), versions);
                }
            }
        });
        if (!missing.isEmpty()) {
            List<String> ordered = ctx.selection().appHosts().stream().flatMap(h -> missing.stream()
                    .filter(m -> m.endsWith(" on " + h))).toList();
            throw new FlowException("The app version '" + config.version() + "' is not available as a container on "
                    + ordered.size() + " host role(s); list the containers with `mvn kamal:server-exec -Dkamal.command=\"docker container ls --all\"`\n  "
                    + String.join("\n  ", ordered));
        }
        return known;
    }
}
