package org.kamal4j.flows.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
    private volatile Path html;

    public Rollout(FlowContext ctx, RolloutOptions options) {
        this.ctx = ctx;
        this.options = options;
        this.startedAt = ctx.clock().instant();
    }

    /** Runs {@code boot}; when it fails, reverts or reports the split, then rethrows its error. */
    public void boot(DeployConfig config, BootReport report, Boot boot) throws MultiHostException, FlowException,
            InterruptedException {
        report.listen(new Progress(config.boot().groups(ctx.selection().appHosts()), ctx.selection()::roleNamesOn,
                line -> ctx.output().info(line)));
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

    /**
     * Writes the JSON report and its HTML page as {@code <goal>-<timestamp>.json} ({@link ReportFiles}) and, for a
     * deploy or redeploy, again as {@code deploy-report.json} (not in a dry run); a report that cannot be written is
     * a warning, never the deploy's failure.
     */
    public void writeReport(DeployConfig config, BootReport report) {
        write(ctx.command(), config, ctx.selection()::roleNamesOn, report.rows());
    }

    /**
     * The report of a goal that boots nothing ({@code kamal:app-containers}, {@code kamal:proxy-reboot}, ...): per
     * host, done or failed with its cause, its remote command count and step timeline, as
     * {@code <goal>-<timestamp>.json} and its HTML page.
     */
    public void writeGoalReport(String goal) {
        write(goal, ctx.config(), h -> List.of(), List.of());
    }

    private void write(String goal, DeployConfig config, Function<String, List<String>> roles,
            List<BootReport.Row> rows) {
        if (ctx.dryRun()) {
            return; // a dry run changes nothing, not even the last report
        }
        Path last = options.reportFileUnder(ctx.baseDir()).toAbsolutePath().normalize();
        Path file = ReportFiles.timestamped(last.getParent(), goal, startedAt);
        try {
            DeployReport json = new DeployReport(goal, config.service(), config.version(), startedAt,
                    Duration.ofNanos(System.nanoTime() - started), options.revert(), failure)
                    .facts(h -> new DeployReport.HostFacts(ctx.transport().commands(h), ctx.transport().spans(h)));
            json.write(file, ctx.selection().hosts(), roles, rows, causes);
            html = DeployReport.htmlBeside(file);
            if (Resume.GOALS.contains(goal)) {
                // the fixed name a deploy's report also has: the same two files, not rendered again
                Files.copy(file, last, StandardCopyOption.REPLACE_EXISTING);
                Files.copy(html, DeployReport.htmlBeside(last), StandardCopyOption.REPLACE_EXISTING);
            }
            ctx.output().info("Report written: " + file + " and " + html);
        } catch (IOException | RuntimeException e) {
            ctx.output().warn("Could not write the report " + file + ": " + e.getMessage());
        }
    }

    /** Ends a successful run's output with the report page's path (a failed run names it before its error). */
    public void printReportPath() {
        if (html != null) {
            ctx.output().info("Report: " + html);
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
