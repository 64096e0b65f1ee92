package org.kamal4j.flows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.rollout.PreviousVersion;
import org.kamal4j.flows.rollout.Rollout;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.RoleVersions;
import org.kamal4j.runner.MultiHostException;

/**
 * {@code kamal:rollback}: under the lock, checks that a container of the version exists for every selected
 * (host, role), then boots that version again from its image on the hosts. Unlike Kamal, an unavailable version
 * is an error naming the hosts that lack it, and the version may be left out: then it is the one the hosts ran
 * before the current one.
 */
public final class RollbackFlow {

    private final FlowContext ctx;
    private RolloutOptions reports = new RolloutOptions(false, null);

    public RollbackFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Where the rollback's report goes ({@link RolloutOptions#reportFileUnder}); a rollback never reverts. */
    public RollbackFlow reports(RolloutOptions options) {
        this.reports = new RolloutOptions(false, options.reportFile());
        return this;
    }

    /**
     * Rolls back to {@code version}; blank: to the version every selected (host, role) ran before the current one
     * ({@link PreviousVersion}), read under the lock. The {@code pre-connect} hook then runs before the version is
     * known, without {@code KAMAL_VERSION}.
     */
    public BootReport run(String version) throws FlowException, MultiHostException, InterruptedException {
        long started = System.nanoTime();
        boolean previous = version == null || version.isBlank();
        ctx.hook("pre-connect", previous ? null : version, ctx.selection().hosts(), Map.of());
        DeploySteps steps = new DeploySteps(ctx);
        BootReport report = new BootReport();
        DeployLock lock = new DeployLock(ctx);
        ctx.stop().settles();
        lock.acquire(LockCommands.AUTOMATIC_MESSAGE, previous ? "(the previous version)" : version);
        DeployConfig config = ctx.config();
        Rollout written = new Rollout(ctx, reports);
        try {
            config = ctx.config().withVersion(previous ? new PreviousVersion(ctx).resolve(ctx.config()) : version);
            Map<String, RoleVersions> found = requireAvailable(config);
            ctx.hook("pre-deploy", config.version(), ctx.selection().hosts(), Map.of());
            steps.boot(config, found, report);
            steps.finish(config, false);
        } catch (Exception e) {
            written.failed(e);
            throw e;
        } finally {
            lock.end(config);
            steps.summary(report);
            written.writeReport(config, report);
        }
        ctx.hook("post-deploy", config.version(), ctx.selection().hosts(), Map.of("KAMAL_RUNTIME",
                String.valueOf(Math.round((System.nanoTime() - started) / 1e9))));
        written.printReportPath();
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
