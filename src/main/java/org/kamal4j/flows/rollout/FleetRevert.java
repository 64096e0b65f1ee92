package org.kamal4j.flows.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.runner.WebBarrier;
import org.kamal4j.ssh.Transport;

/**
 * Switches the (host, role)s a failed deploy already booted back to the version each ran before, in parallel.
 * Each is booted again exactly as {@code kamal:rollback} boots a version: the stopped container of the old version
 * is renamed aside, a container of the old image starts, must be ready (behind the proxy for proxy roles), then the
 * new version's container is stopped. Hosts that never switched are not touched.
 */
public final class FleetRevert {

    /** Results written into the boot report. */
    public static final String REVERTED = "reverted";
    public static final String REVERT_FAILED = "revert failed";

    private final FlowContext ctx;
    private final DeployConfig config;

    public FleetRevert(FlowContext ctx, DeployConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    /** The rows that can be reverted: booted with a previous version other than a renamed copy of this one. */
    static List<BootReport.Row> revertable(BootReport report) {
        return report.rows().stream().filter(r -> r.result().equals("booted") && r.oldVersion() != null
                && !r.oldVersion().startsWith(r.newVersion() + "_replaced_")).toList();
    }

    /**
     * Reverts every revertable row of {@code report}, marking each {@code reverted} or {@code revert failed};
     * returns the causes of the failed ones, keyed by {@link AppBoot#key}.
     */
    public Map<String, String> revert(BootReport report) throws InterruptedException {
        List<BootReport.Row> rows = revertable(report);
        Map<String, String> failures = new ConcurrentHashMap<>();
        if (rows.isEmpty()) {
            return failures;
        }
        List<String> order = ctx.selection().hosts();
        List<String> hosts = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(BootReport.Row::host).toList()));
        hosts.sort(Comparator.comparingInt(order::indexOf));
        ctx.output().info("Reverting " + hosts.size() + " host(s) to the version they ran before (-Dkamal.revert=false"
                + " keeps the split): " + String.join(", ", hosts));
        // No role waits for another here: each host goes back to a version that was healthy before this deploy.
        WebBarrier open = new WebBarrier(ctx.selection().primaryRole(), Duration.ZERO);
        open.open("revert");
        try {
            ctx.on(hosts, (host, s) -> {
                for (BootReport.Row row : rows.stream().filter(r -> r.host().equals(host)).toList()) {
                    revertOne(row, open, report, failures);
                }
            });
        } catch (MultiHostException e) {
            // revertOne catches each failure; anything else is a bug worth seeing with the deploy's own error
            throw new IllegalStateException(e.getMessage(), e);
        }
        return failures;
    }

    private void revertOne(BootReport.Row row, WebBarrier open, BootReport report, Map<String, String> failures)
            throws InterruptedException {
        long start = System.nanoTime();
        DeployConfig back = config.withVersion(row.oldVersion());
        String result = REVERTED;
        try {
            new AppBoot(ctx, back, open, new BootReport(), Map.of()).run(row.host(), row.role(),
                    Transport.DEFAULT_LANE);
            ctx.output().info(row.host(), "Reverted " + row.role() + " on " + row.host() + " from "
                    + row.newVersion() + " to " + row.oldVersion());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            result = REVERT_FAILED;
            String cause = e.getMessage() == null ? e.toString() : e.getMessage().strip();
            failures.put(AppBoot.key(row.host(), row.role()), cause);
            ctx.output().error(row.host(), "Could not revert " + row.role() + " on " + row.host() + " to "
                    + row.oldVersion() + ": " + cause + "\n  fix it by hand with: " + fixCommand(row));
        }
        report.replace(row, new BootReport.Row(row.host(), row.role(), row.oldVersion(), row.newVersion(), result,
                row.took().plusNanos(System.nanoTime() - start)));
    }

    /** The goal that finishes a failed revert by hand. */
    static String fixCommand(BootReport.Row row) {
        return "mvn kamal:rollback -Dkamal.version=" + row.oldVersion() + " -Dkamal.hosts=" + row.host()
                + " -Dkamal.roles=" + row.role();
    }
}
