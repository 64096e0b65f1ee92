package org.kamal4j.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kamal4j.config.ConfigLoader;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.e2e.FleetFlowRun.FlowCall;
import org.kamal4j.flows.local.Output;
import org.kamal4j.testbed.Fleet;

/**
 * An app with a proxy role on a fleet: a project directory made from examples/hello whose web role (hosts 1 and 2)
 * runs behind the real kamal-proxy (pulled from the fleet registry, where images.sh pushed it) and whose workers role (host 3) does not; flows run through their public
 * API with the real JSch transport and the fleet's local dockerd for builds.
 */
final class ProxyApp {

    private static final FleetFlowRun.Actor ACTOR = new FleetFlowRun.Actor("proxy-it@kamal4j.test", "ProxyDeployIT");


    final Fleet fleet;
    final String service;
    final Path dir;
    final Output output;
    private Map<String, Object> overrides = Map.of();

    ProxyApp(Fleet fleet, String service, int deployTimeout) {
        this(fleet, service, deployTimeout, "");
    }

    /**
     * A web-only app (no workers role, so a deploy boots nothing beyond the proxy role); {@code proxyYaml}: more keys
     * of the {@code proxy} section (deploy.yml text, not indented). Empty {@code proxyYaml}: the web and workers app.
     */
    ProxyApp(Fleet fleet, String service, int deployTimeout, String proxyYaml) {
        this.fleet = fleet;
        this.service = service;
        this.output = new PrintingOutput(service);
        try {
            dir = Files.createTempDirectory("kamal-proxy-it-" + service + "-");
            Path example = Path.of(System.getProperty("kamal.projectDir", ".")).resolve("examples/hello");
            Files.copy(example.resolve("Dockerfile"), dir.resolve("Dockerfile"));
            Files.createDirectories(dir.resolve("www"));
            healthy(true);
            Files.createDirectories(dir.resolve("config"));
            Files.writeString(dir.resolve("config/deploy.yml"), deployYml(deployTimeout, proxyYaml));
            Files.createDirectories(dir.resolve(".kamal/hooks"));
            Files.writeString(dir.resolve(".kamal/secrets"), "KAMAL_REGISTRY_PASSWORD=proxy-it\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String deployYml(int deployTimeout, String proxyYaml) {
        String proxy = proxyYaml.lines().map(l -> "\n  " + l).collect(Collectors.joining());
        return HelloYaml.servers(fleet, service, "", proxyYaml.isEmpty()) + """
                proxy:%1$s
                  run:
                    registry: %2$s
                drain_timeout: 5
                deploy_timeout: %3$d
                """.formatted(proxy, fleet.registry(), deployTimeout) + fleet.accessYaml();
    }

    /** Whether the next build answers {@code GET /up} (without it, no health check ever passes). */
    void healthy(boolean up) throws IOException {
        Path file = dir.resolve("www/up");
        if (up) {
            Files.writeString(file, "ok\n");
        } else {
            Files.deleteIfExists(file);
            Files.writeString(dir.resolve("www/index.html"), "placeholder\n");
        }
    }

    /** Appends lines to .kamal/secrets (dotenv, as a user would write them). */
    void secrets(String lines) throws IOException {
        Files.writeString(dir.resolve(".kamal/secrets"), lines, StandardOpenOption.APPEND);
    }

    /** An executable CGI script the next build serves at {@code /cgi-bin/NAME} (busybox httpd runs it). */
    void cgi(String name, String script) throws IOException {
        Path file = Files.createDirectories(dir.resolve("www/cgi-bin")).resolve(name);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** Config keys merged over deploy.yml for the next runs (as a pom {@code <deploy>} block would be). */
    void overrides(Map<String, Object> tree) {
        this.overrides = tree;
    }

    DeployConfig config(String version) throws Exception {
        Map<String, Object> tree = new HashMap<>(overrides);
        tree.put("builder", Map.of("args", Map.of("APP_VERSION", version)));
        return new ConfigLoader(dir, Map.of()).version(version).pomTree(tree).load();
    }

    /** Runs {@code call} for {@code version} in a fresh context; prints the wall time and commands per host. */
    double run(String version, String command, FlowCall call) throws Exception {
        return FleetFlowRun.run(fleet, dir, output, config(version), ACTOR, service, command, call).seconds();
    }


    /** Names of this service's containers on {@code host} in state {@code state} (running, exited, ...). */
    List<String> containers(String host, String state) {
        return fleet.docker(host, "ps", "-a", "--filter", "label=service=" + service, "--filter", "status=" + state,
                "--format", "{{.Names}}").lines().filter(l -> !l.isBlank()).map(String::strip).sorted().toList();
    }

    /** Removes every container of this service, the proxy and its state from the hosts (a clean start). */
    void wipe() {
        for (String host : fleet.hosts()) {
            String ids = fleet.docker(host, "ps", "-aq", "--filter", "label=service=" + service).strip();
            if (!ids.isEmpty()) {
                fleet.ssh(host, "docker rm -f " + ids.replace('\n', ' '));
            }
            fleet.ssh(host, "docker rm -f kamal-proxy >/dev/null 2>&1; docker volume rm kamal-proxy-config"
                    + " >/dev/null 2>&1; true");
        }
        fleet.ssh(fleet.host(1), "rm -rf .kamal/lock-" + service + " .kamal/apps/" + service);
    }

    /** Prints each line with the service name, so interleaved test output stays readable. */
    private record PrintingOutput(String service) implements Output {
        @Override
        public void line(Level level, String message) {
            if (level != Level.DEBUG) {
                System.out.println("[" + service + "] " + (level == Level.INFO ? "" : level + " ") + message);
            }
        }
    }
}
