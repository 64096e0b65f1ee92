package org.kamal4j.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.kamal4j.commands.RandomHex;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.e2e.FleetFlowRun.FlowCall;
import org.kamal4j.e2e.FleetFlowRun.Run;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.LockFlow;
import org.kamal4j.flows.RollbackFlow;
import org.kamal4j.flows.SetupFlow;
import org.kamal4j.flows.context.LockWait;
import org.kamal4j.testbed.Fleet;

/**
 * One app on the e2e fleet: a project directory made from examples/hello (Dockerfile, config/deploy.yml,
 * .kamal/secrets, optional hooks) and the flows run on it through their public API with the real JSch transport,
 * the real local docker (the fleet's local dockerd) and the real hooks runner.
 */
final class E2eApp {

    private static final FleetFlowRun.Actor ACTOR = new FleetFlowRun.Actor("e2e@kamal4j.test", "E2E test");



    final Fleet fleet;
    final String service;
    final Path dir;
    final String secretToken = "e2e-token-" + RandomHex.secure().apply(16);
    final String registryPassword = "e2e-registry-pw-" + RandomHex.secure().apply(16);
    final CapturedOutput output;
    private Map<String, Object> overrides = Map.of();
    private int hookTimeout = FleetFlowRun.HOOK_TIMEOUT;
    private LockWait lockWait = LockWait.NONE;
    private String hostPatterns;

    private E2eApp(Fleet fleet, String service, Path dir) {
        this.fleet = fleet;
        this.service = service;
        this.dir = dir;
        this.output = new CapturedOutput(service);
    }

    /** Creates the project: web on hosts 1 and 2, workers on host 3, then {@code extraYaml} appended. */
    static E2eApp create(Fleet fleet, String service, String extraYaml) {
        try {
            Path dir = Files.createTempDirectory("kamal-e2e-" + service + "-");
            E2eApp app = new E2eApp(fleet, service, dir);
            app.forgetEarlierRuns();
            Path example = Path.of(System.getProperty("kamal.projectDir", ".")).resolve("examples/hello");
            Files.copy(example.resolve("Dockerfile"), dir.resolve("Dockerfile"));
            Files.createDirectories(dir.resolve("www"));
            Files.copy(example.resolve("www/up"), dir.resolve("www/up"));
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/deploy.yml"), app.deployYml() + extraYaml);
            Files.createDirectories(dir.resolve(".kamal/hooks"));
            Files.writeString(dir.resolve(".kamal/secrets"), "KAMAL_REGISTRY_PASSWORD=" + app.registryPassword
                    + "\nSECRET_TOKEN=" + app.secretToken + "\n");
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app of {@link #create} with nothing appended, deployed at {@code version}: it runs on every host. */
    static E2eApp running(Fleet fleet, String service, String version) throws Exception {
        E2eApp app = create(fleet, service, "");
        app.deploy(version);
        return app;
    }

    /** A fleet kept up between runs keeps each host's {@code ~/.kamal}: start from none of this service's files. */
    private void forgetEarlierRuns() {
        for (String host : fleet.hosts()) {
            fleet.ssh(host, "rm -rf .kamal/" + service + "-audit.log .kamal/apps/" + service + " .kamal/lock-"
                    + service);
        }
    }

    private String deployYml() {
        return HelloYaml.servers(fleet, service, "proxy: false", true) + """
                env:
                  clear:
                    GREETING: hello
                  secret:
                    - SECRET_TOKEN
                drain_timeout: 5
                deploy_timeout: 30
                """ + fleet.accessYaml();
    }

    /** Writes an executable hook script into .kamal/hooks. */
    void hook(String name, String script) {
        try {
            Path file = dir.resolve(".kamal/hooks").resolve(name);
            Files.writeString(file, "#!/bin/sh\nset -e\n" + script + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Config keys merged over deploy.yml for the next runs (as a pom {@code <deploy>} block would be). */
    void overrides(Map<String, Object> tree) {
        this.overrides = tree;
    }

    /** The configuration for {@code version}; the image's page shows the version (build arg APP_VERSION). */
    DeployConfig config(String version) throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>(overrides);
        Map<String, Object> builder = new LinkedHashMap<>();
        if (overrides.get("builder") instanceof Map<?, ?> b) {
            b.forEach((k, v) -> builder.put(k.toString(), v));
        }
        builder.put("args", Map.of("APP_VERSION", version));
        tree.put("builder", builder);
        return new ConfigLoader(dir, Map.of()).version(version).pomTree(tree).load();
    }

    Run setup(String version) throws Exception {
        return run(version, "setup", ctx -> new SetupFlow(ctx).run(false));
    }

    Run deploy(String version) throws Exception {
        return run(version, "deploy", ctx -> DeployFlow.deploy(ctx).run(false));
    }

    Run redeploy(String version) throws Exception {
        return run(version, "redeploy", ctx -> DeployFlow.redeploy(ctx).run(true));
    }

    Run rollback(String version) throws Exception {
        return run(version, "rollback", ctx -> new RollbackFlow(ctx).run(version));
    }

    Run lockAcquire(String message) throws Exception {
        return run("v0", "lock", ctx -> new LockFlow(ctx).acquire(message));
    }

    Run lockRelease() throws Exception {
        return run("v0", "lock", ctx -> new LockFlow(ctx).release());
    }

    /** Seconds each hook of this app's runs may take (-Dkamal.hookTimeout), so a test of a hung hook stays short. */
    E2eApp hookTimeout(int seconds) {
        this.hookTimeout = seconds;
        return this;
    }

    /** How this app's runs wait for a held deploy lock (-Dkamal.lockWait and its bounds). */
    E2eApp lockWait(LockWait wait) {
        this.lockWait = wait;
        return this;
    }

    /** Runs this app's next runs on the hosts matching {@code patterns} only (-Dkamal.hosts; null: every host). */
    E2eApp onHosts(String patterns) {
        this.hostPatterns = patterns;
        return this;
    }

    /** Runs {@code call} in a fresh context, as one Maven goal would; exceptions propagate unchanged. */
    Run run(String version, String command, FlowCall call) throws Exception {
        return FleetFlowRun.run(fleet, dir, output, config(version), ACTOR, service, command, hookTimeout, lockWait,
                hostPatterns, call);
    }


    // ---- the hosts' real Docker state ----

    String container(String role, String version) {
        return service + "-" + role + "-" + version;
    }

    /** name -> state of every container of this service on {@code host}. */
    Map<String, String> containers(String host) {
        Map<String, String> states = new LinkedHashMap<>();
        fleet.docker(host, "ps", "-a", "--filter", "label=service=" + service, "--format", "{{.Names}} {{.State}}")
                .lines().filter(l -> !l.isBlank()).forEach(l -> {
                    String[] p = l.strip().split(" ", 2);
                    states.put(p[0], p[1]);
                });
        return states;
    }

    /** Names of the running containers of this service on {@code host}. */
    Set<String> running(String host) {
        return Set.copyOf(containers(host).entrySet().stream().filter(e -> e.getValue().equals("running"))
                .map(Map.Entry::getKey).toList());
    }

    String inspect(String host, String container, String format) {
        return fleet.docker(host, "inspect", "-f", format, container).strip();
    }

    /** GET / of the container of this role on this host, from inside the container (the page shows the version). */
    String page(String host, String role, String version) {
        return fleet.docker(host, "exec", container(role, version), "cat", "/www/index.html").strip();
    }

    /** The audit log on {@code host} (every fleet host has its own home directory). */
    List<String> audit(String host) {
        return fleet.ssh(host, "cat .kamal/" + service + "-audit.log").lines().toList();
    }

    /** Whether the deploy lock directory exists on the primary host. */
    boolean lockPresent() {
        return fleet.ssh(fleet.host(1), "test -e .kamal/lock-" + service + " && echo yes || echo no").strip()
                .equals("yes");
    }

    static <T> Map<String, T> perHost(List<String> hosts, Function<String, T> f) {
        Map<String, T> m = new LinkedHashMap<>();
        hosts.forEach(h -> m.put(h, f.apply(h)));
        return m;
    }
}
