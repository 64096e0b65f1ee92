package org.kamal4j.flows.steps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ImageCommands;
import org.kamal4j.commands.PruneCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.commands.ServerCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.runner.BootGroups;
import org.kamal4j.runner.FailureBudget;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.runner.WebBarrier;

/**
 * The remote steps deploy, redeploy, setup and rollback share: pull, stale containers, the boot groups with the
 * barrier, tagging latest and pruning. Each runs on every host in parallel and fails with one aggregated error.
 */
public final class DeploySteps {

    private final FlowContext ctx;
    /** What each app host runs, per role, asked in the pull's command ({@link #pull(DeployConfig, boolean)}). */
    private volatile Map<String, Map<String, RoleVersions>> probed;

    public DeploySteps(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Registry login (unless local), the {@code kamal} network and the audited pull on every app host, in one
     * command per host. The audit record creates {@code .kamal}, so {@link DeployLock} need not on these hosts.
     */
    public void pull(DeployConfig config) throws MultiHostException, InterruptedException {
        pull(config, false);
    }

    /**
     * As {@link #pull(DeployConfig)}; with {@code probe} the same command then asks each host what runs
     * ({@link RoleVersions#probeSteps}) and {@link #stopStaleContainers} uses these answers instead of asking again:
     * one round trip less per host. Only for a caller that holds the deploy lock and runs nothing between this and
     * the boot that could change the host's containers (a {@code pre-deploy} hook could).
     */
    public void pull(DeployConfig config, boolean probe) throws MultiHostException, InterruptedException {
        ctx.output().info("Pull app image " + config.absoluteImage() + "...");
        List<Command> steps = new ArrayList<>();
        if (!config.registry().local()) {
            steps.add(new RegistryCommands(config.registry(), config.secrets()).login().step("registry login"));
        }
        steps.add(ServerCommands.ensureKamalNetwork().step("kamal network"));
        AuditCommands audit = ctx.audit(config);
        steps.add(audit.record("Pulled image with version " + config.version(), null)
                .and(new ImageCommands(config).pullAndCheck())
                .step("pull (docker pull, then the service label check)"));
        // login, network, the audited pull (and the probe) in one round trip; a failure still names its step
        Map<String, Map<String, RoleVersions>> found = new ConcurrentHashMap<>();
        ctx.on(ctx.selection().appHosts(), (host, s) -> {
            List<Command> all = new ArrayList<>(steps);
            if (probe) {
                all.addAll(RoleVersions.probeSteps(config, ctx.selection().roleNamesOn(host), ctx.randomHex()));
            }
            String out = s.run(Command.steps(all));
            if (probe) {
                found.put(host, RoleVersions.parse(out));
            }
        });
        probed = probe ? found : null;
    }

    /**
     * Stops every running container of each (app host, role) other than the current one and returns what each
     * (host, role) runs ({@link AppBoot#key}), so the boot need not ask again: one probe per host
     * ({@link RoleVersions}) instead of three commands per role.
     */
    public Map<String, RoleVersions> stopStaleContainers(DeployConfig config) throws MultiHostException,
            InterruptedException {
        ctx.output().info("Detect stale containers...");
        Map<String, RoleVersions> current = new ConcurrentHashMap<>();
        Map<String, Map<String, RoleVersions>> known = probed;
        probed = null; // answered once: a later call asks the hosts again
        ctx.on(ctx.selection().appHosts(), (host, s) -> {
            List<String> roles = ctx.selection().roleNamesOn(host);
            Map<String, RoleVersions> found = known == null ? null : known.get(host);
            if (found == null) {
                found = RoleVersions.find(s, config, roles, ctx.randomHex());
            }
            for (String roleName : roles) {
                RoleVersions versions = found.getOrDefault(roleName, new RoleVersions(List.of(), "", ""));
                current.put(AppBoot.key(host, roleName), versions);
                AppCommands app = new AppCommands(config, config.role(roleName), ctx.randomHex());
                for (String v : versions.stale()) {
                    ctx.output().info(host, "Stopping stale container for role " + roleName + " with version " + v);
                    s.tryRun(app.stop(v));
                }
            }
        });
        return current;
    }

    /**
     * The (host, role)s one boot stage boots and how.
     *
     * @param hosts          the hosts, in boot order
     * @param rolesOn        the roles to boot on a host, primary role first
     * @param primaryHealthy a primary-role container of this version is already healthy (a canary passed): other
     *                       roles need not wait for one
     * @param prepare        whether this stage prepares the app hosts first (once per boot: the first stage)
     * @param budget         failed hosts the stage goes on past ({@code kamal.maxFailures})
     */
    public record Stage(List<String> hosts, Function<String, List<String>> rolesOn, boolean primaryHealthy,
            boolean prepare, FailureBudget budget) {

        /** Every selected app host and role in one stage, without a failure budget: Kamal's boot. */
        public static Stage everything(Selection selection) {
            return new Stage(selection.appHosts(), selection::roleNamesOn, false, true, FailureBudget.none());
        }
    }

    /**
     * Boots {@code config.version()} group by group with the barrier and the app-boot hooks. The caller then calls
     * {@link #finish} (tag latest, and prune), which runs only when every group succeeded.
     */
    public void boot(DeployConfig config, Map<String, RoleVersions> known, BootReport report)
            throws MultiHostException, FlowException, InterruptedException {
        boot(config, known, report, Stage.everything(ctx.selection()));
    }

    /** Boots one stage of a staged rollout ({@link Stage}) as {@link #boot(DeployConfig, Map, BootReport)} does. */
    public void boot(DeployConfig config, Map<String, RoleVersions> known, BootReport report, Stage stage)
            throws MultiHostException, FlowException, InterruptedException {
        ctx.output().info("Start container with version " + config.version() + "...");
        String primary = ctx.selection().primaryRole();
        int gatekeepers = (int) stage.hosts().stream().filter(h -> stage.rolesOn().apply(h).contains(primary))
                .count();
        WebBarrier barrier = new WebBarrier(primary,
                WebBarrier.defaultTimeout(config.timeouts().deploy(), config.timeouts().readinessDelay()),
                WebBarrier.closingFailures(gatekeepers, stage.budget().limit()));
        if (stage.primaryHealthy()) {
            barrier.open("an earlier stage");
        }
        if (stage.prepare()) {
            new BootPreparation(ctx, config).run();
        }
        BootGroups groups = BootGroups.forConfig(config, ctx.runner(), h -> h, barrier, ctx.sleeper());
        try {
            groups.<Exception>boot(config.boot().groups(stage.hosts()),
                    stage.rolesOn(),
                    group -> ctx.hook("pre-app-boot", config.version(), group, Map.of()),
                    new AppBoot(ctx, config, barrier, report, known),
                    group -> ctx.hook("post-app-boot", config.version(), group, Map.of()),
                    stage.budget());
        } catch (MultiHostException | FlowException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FlowException(e.getMessage(), e);
        }
    }

    /**
     * After a successful boot: tags the version as latest on every app host and, with {@code prune}, keeps
     * {@code retain_containers} stopped containers and removes unused images on every selected host. Kamal sends
     * these as three round trips; here they are one command per host ({@link Command#steps}), whose failure still
     * names the step that failed.
     */
    public void finish(DeployConfig config, boolean prune) throws MultiHostException, InterruptedException {
        tagAndPrune(config, true, prune);
    }

    /** Keeps {@code retain_containers} stopped containers and removes unused images, on every selected host. */
    public void prune(DeployConfig config) throws MultiHostException, InterruptedException {
        tagAndPrune(config, false, true);
    }

    private void tagAndPrune(DeployConfig config, boolean tagLatest, boolean prune) throws MultiHostException,
            InterruptedException {
        AuditCommands audit = ctx.audit(config);
        Command tag = audit.record("Tagging " + config.absoluteImage() + " as the latest image", null)
                .and(Command.of("docker", "tag", config.absoluteImage(), config.latestImage())).step("tag latest");
        List<Command> pruning = List.of();
        if (prune) {
            ctx.output().info("Prune old containers and images...");
            PruneCommands commands = new PruneCommands(config);
            pruning = List.of(
                    audit.record("Pruned containers", null).and(commands.containers(config.retainContainers()))
                            .step("prune containers"),
                    audit.record("Pruned images", null).and(commands.images()).step("prune images"));
        }
        List<String> appHosts = ctx.selection().appHosts();
        List<Command> pruneSteps = pruning;
        ctx.on(prune ? ctx.selection().hosts() : appHosts, (host, s) -> {
            List<Command> steps = new ArrayList<>();
            if (tagLatest && appHosts.contains(host)) {
                steps.add(tag);
            }
            steps.addAll(pruneSteps);
            s.run(Command.steps(steps));
        });
    }

    /** Prints the boot summary table (when anything was booted) and the per-host command counts (debug). */
    public void summary(BootReport report) {
        if (!report.rows().isEmpty()) {
            report.table(ctx.selection().hosts()).forEach(ctx.output()::info);
        }
        ctx.transport().commandCounts().forEach((host, n) -> ctx.output().debug("[" + host + "] " + n
                + " remote commands, " + ctx.transport().uploads(host) + " uploads"));
    }

    /** The versions in {@code running} (one per line) other than {@code current}. */
    public static List<String> staleVersions(String running, String current) {
        return Arrays.stream(running.split("\n")).map(String::strip)
                .filter(v -> !v.isEmpty() && !v.equals(current)).toList();
    }
}
