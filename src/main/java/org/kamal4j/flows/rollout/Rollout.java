package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kamal4j.FlowException;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AppBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.runner.FailureBudgetException;
import org.kamal4j.runner.MultiHostException;

/**
 * One deploy's rollout policy around its boot: on a failed boot, marks the (host, role)s never reached
 * {@code untouched}, then reverts the switched ones ({@link FleetRevert}) or, with the switch off, reports the split;
 * at the end writes the JSON report. The flow's own error is always rethrown unchanged.
 */
public final class Rollout {

    /** The deploy's boot, as the flow runs it. */
    public interface Boot {
        void run() throws MultiHostException, FlowException, InterruptedException;
    }

    public static final String UNTOUCHED = "untouched";

    private final FlowContext ctx;
    private final RolloutOptions options;
    private final Instant startedAt;
    private final long started = System.nanoTime();
    private final Map<String, String> causes = new ConcurrentHashMap<>();
    private volatile Throwable failure;

    public Rollout(FlowContext ctx, RolloutOptions options) {
        this.ctx = ctx;
        this.options = options;
        this.startedAt = ctx.clock().instant();
    }

    /** Runs {@code boot}; when it fails, reverts or reports the split, then rethrows its error. */
    public void boot(DeployConfig config, BootReport report, Boot boot) throws MultiHostException, FlowException,
            InterruptedException {
        try {
            boot.run();
        } catch (MultiHostException | FlowException | RuntimeException e) {
            failed(e);
            markUntouched(config, report);
            if (ctx.stop().requested()) {
                // Ctrl-C or -Dkamal.timeout: StopOnInterrupt settles each host on one version and reports it; a
                // revert would start new work the user asked to stop
                throw e;
            }
            if (e instanceof FailureBudgetException b && !b.stopped()) {
                // the rollout went to its end within -Dkamal.maxFailures: the failed hosts kept their old version,
                // the others are meant to run the new one
                throw e;
            }
            if (options.revert()) {
                causes.putAll(new FleetRevert(ctx, config).revert(report));
            } else {
                reportSplit(report);
            }
            throw e;
        }
    }

    /** Remembers the flow's error for the report (and, for a multi-host error, each host's cause). */
    public void failed(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        if (e instanceof MultiHostException m) {
            for (MultiHostException.Failure f : m.failures()) {
                List<String> words = Arrays.asList(f.label().split("[\\s\\[\\](),]+"));
                ctx.selection().hosts().stream().filter(words::contains).forEach(h -> causes.putIfAbsent(h,
                        f.message()));
            }
        }
    }

    /** Writes the JSON report and its HTML page (not in a dry run); a report that cannot be written is a warning, never the deploy's failure. */
    public void writeReport(DeployConfig config, BootReport report) {
        if (ctx.dryRun()) {
            return; // a dry run changes nothing, not even the last report
        }
        Path file = options.reportFileUnder(ctx.baseDir());
        try {
            DeployReport json = new DeployReport(ctx.command(), config.service(), config.version(), startedAt,
                    Duration.ofNanos(System.nanoTime() - started), options.revert(), failure);
            json.write(file, ctx.selection().hosts(), ctx.selection()::roleNamesOn, report.rows(), causes);
            ctx.output().info("Deploy report: " + file.toAbsolutePath().normalize() + " and "
                    + DeployReport.htmlBeside(file.toAbsolutePath().normalize()));
        } catch (IOException | RuntimeException e) {
            ctx.output().warn("Could not write the deploy report " + file + ": " + e.getMessage());
        }
    }

    private void markUntouched(DeployConfig config, BootReport report) {
        List<BootReport.Row> rows = report.rows();
        for (String host : ctx.selection().appHosts()) {
            for (String role : ctx.selection().roleNamesOn(host)) {
                if (rows.stream().noneMatch(r -> r.host().equals(host) && r.role().equals(role))) {
                    report.add(new BootReport.Row(host, role, null, config.version(), UNTOUCHED, Duration.ZERO));
                }
            }
        }
    }

    private void reportSplit(BootReport report) {
        List<BootReport.Row> switched = report.rows().stream().filter(r -> r.result().equals("booted")).toList();
        if (!switched.isEmpty()) {
            ctx.output().warn("Not reverting (-Dkamal.revert=false): the fleet stays split; these run the new "
                    + "version: " + String.join(", ", switched.stream().map(r -> r.host() + " (" + r.role() + " "
                    + r.newVersion() + ")").toList()));
        }
    }

    /** The key under which a (host, role)'s revert failure is kept; host-wide causes use the host alone. */
    static String key(String host, String role) {
        return AppBoot.key(host, role);
    }
}
