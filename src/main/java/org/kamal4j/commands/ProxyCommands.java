package org.kamal4j.commands;

import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.ProxyRun;
import org.kamal4j.config.Role;

/** The kamal-proxy container and the {@code kamal-proxy} calls that route traffic to apps. */
public final class ProxyCommands {

    public static final String CONTAINER = "kamal-proxy";
    public static final String APPS_CONFIG = ".kamal/proxy/apps-config";
    private static final String CONTAINER_APPS_CONFIG = "/home/kamal-proxy/.apps-config";
    private static final String IMAGE_LABEL = "label=org.opencontainers.image.title=kamal-proxy";

    private final DeployConfig config;

    public ProxyCommands(DeployConfig config) {
        this.config = config;
    }

    /** Routes a role's traffic to the container {@code containerId} of {@code config.version()}. */
    public Command deploy(Role role, String containerId) {
        return deploy(config.containerPrefix(role.name()), role.proxy(), containerId, role.name(),
                config.version());
    }

    /**
     * The container id lookup and {@code kamal-proxy deploy} in one round trip: fails with Kamal's message
     * ({@code Failed to get endpoint for <role> on <host>, did the container boot?}) on standard error when the
     * query prints nothing. {@code containerIdQuery} is e.g. {@link AppCommands#containerIdForVersion}.
     */
    public Command deployContainerOf(Role role, String host, Command containerIdQuery) {
        String message = "Failed to get endpoint for " + role.name() + " on " + host + ", did the container boot?";
        Command lookup = new Line().substitution("id=", containerIdQuery, "", false).raw("; if [ -z \"${id}\" ]; then")
                .args("echo", message).raw(">&2 ; exit 1 ; fi").build();
        return lookup.then(deploy(role, "${id}"));
    }

    /** Routes a proxied accessory's traffic to its container. */
    public Command deploy(Accessory accessory, String containerId) {
        return deploy(accessory.service(), accessory.proxy(), containerId, accessory.name(), config.version());
    }

    /**
     * {@code kamal-proxy deploy} of one container: {@code tlsRole} names the role whose custom certificate
     * directory is used; {@code version} names the error pages directory.
     */
    public Command deploy(String service, Proxy proxy, String target, String tlsRole, String version) {
        Line line = Line.of("docker", "exec", CONTAINER, "kamal-proxy", "deploy", service);
        return new ProxyDeployFlags(config, proxy, CONTAINER_APPS_CONFIG + "/" + config.serviceWithDestination())
                .append(line, target, tlsRole, version).build();
    }

    /** Removes a service's route ({@code app stop/remove}, accessory stop). */
    public Command remove(String service) {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "remove", service);
    }

    /** Maintenance mode; {@code drainTimeout} (seconds) and {@code message} may be null. */
    public Command stop(String service, Integer drainTimeout, String message) {
        Line line = Line.of("docker", "exec", CONTAINER, "kamal-proxy", "stop", service);
        ProxyDeployFlags.seconds(line, "--drain-timeout", drainTimeout);
        ProxyDeployFlags.optional(line, "--message", message);
        return line.build();
    }

    public Command resume(String service) {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "resume", service);
    }

    /** {@code kamal-proxy list}: the routes the proxy serves. */
    public Command list() {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "list");
    }

    /** The kamal-proxy {@code docker run} for {@code proxy.run} settings. */
    public Command run(ProxyRun run) {
        Line line = Line.of("docker", "run", "--name", CONTAINER, "--network", "kamal", "--detach", "--restart",
                "unless-stopped", "--volume", "kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy",
                "--volume").expand("$PWD/" + APPS_CONFIG + ":" + CONTAINER_APPS_CONFIG);
        if (run.publish()) {
            publish(line, run);
        }
        line.args("--log-opt", "max-size=" + run.logMaxSize());
        if (run.metricsPort() != null) {
            line.args("--expose=" + run.metricsPort());
        }
        DockerArgs.options(line, run.options());
        line.args(run.image(), "kamal-proxy", "run");
        if (run.debug()) {
            line.args("--debug");
        }
        if (run.metricsPort() != null) {
            line.value("--metrics-port", String.valueOf(run.metricsPort()));
        }
        return line.build();
    }

    /**
     * The legacy run command (no {@code proxy.run} on the host): options, image, version and run
     * command come from the files {@code proxy boot_config set} wrote, with Kamal's defaults. All constant text.
     */
    public Command legacyRun() {
        String files = "echo $(cat .kamal/proxy/options 2> /dev/null || echo \"--publish 80:80 --publish 443:443"
                + " --log-opt max-size=10m\") $(cat .kamal/proxy/image 2> /dev/null || echo \""
                + ProxyRun.DEFAULT_REPOSITORY + "\"):$(cat .kamal/proxy/image_version 2> /dev/null || echo \""
                + ProxyRun.MINIMUM_VERSION + "\") $(cat .kamal/proxy/run_command 2> /dev/null || echo \"\")";
        return Command.script(files).pipe(Line.of("xargs", "docker", "run", "--name",
                CONTAINER, "--network", "kamal", "--detach", "--restart", "unless-stopped", "--volume",
                "kamal-proxy-config:/home/kamal-proxy/.config/kamal-proxy", "--volume")
                .expand("$PWD/" + APPS_CONFIG + ":" + CONTAINER_APPS_CONFIG).build());
    }

    /** {@code docker container start kamal-proxy || <run>}: start the existing container, else create it. */
    public Command startOrRun(ProxyRun run) {
        return start().or(run(run));
    }

    /** Prints the running proxy's image tag (its version). */
    public Command version() {
        return Command.of("docker", "inspect", CONTAINER, "--format", "{{.Config.Image}}")
                .pipe(Command.of("awk", "-F:", "{print $NF}"));
    }

    public Command ensureAppsConfigDirectory() {
        return Command.of("mkdir", "-p", APPS_CONFIG);
    }

    public Command createNetwork() {
        return ServerCommands.createNetwork("kamal");
    }

    public Command start() {
        return Command.of("docker", "container", "start", CONTAINER);
    }

    public Command stopContainer() {
        return Command.of("docker", "container", "stop", CONTAINER);
    }

    public Command pruneContainers() {
        return Command.of("docker", "container", "prune", "--force", "--filter", IMAGE_LABEL);
    }

    public Command pruneImages() {
        return Command.of("docker", "image", "prune", "--all", "--force", "--filter", IMAGE_LABEL);
    }

    public Command removeProxyDirectory() {
        return Command.of("rm", "-r", ".kamal/proxy");
    }

    /** Removes this service's per-app proxy directory (error pages, TLS files). */
    public Command removeAppDirectory() {
        return Command.of("rm", "-r", APPS_CONFIG + "/" + config.serviceWithDestination());
    }

    /** {@code <apps-config>/<service>/error_pages}, where each version's error pages are uploaded. */
    public String errorPagesDirectory() {
        return APPS_CONFIG + "/" + config.serviceWithDestination() + "/error_pages";
    }

    public Command ensureErrorPagesDirectory() {
        return Command.of("mkdir", "-p", errorPagesDirectory());
    }

    /** Removes the error pages of every version but {@code keepVersion}. */
    public Command cleanErrorPages(String keepVersion) {
        return Command.of("find", errorPagesDirectory(), "-mindepth", "1", "-maxdepth", "1", "!", "-name",
                keepVersion, "-exec", "rm", "-rf", "{}", "+");
    }

    /** {@code <apps-config>/<service>/tls/<role>}: where a role's custom certificate and key are uploaded. */
    public String tlsDirectory(String role) {
        return APPS_CONFIG + "/" + config.serviceWithDestination() + "/tls/" + role;
    }

    public Command ensureTlsDirectory(String role) {
        return Command.of("mkdir", "-p", tlsDirectory(role));
    }

    /** Prints how many apps have a directory on the host (proxy remove checks it). */
    public Command appsCount() {
        return Command.of("ls", ".kamal/apps").pipe(Command.of("wc", "-l"));
    }

    public Command details() {
        return Command.of("docker", "ps", "--filter", "name=^" + CONTAINER + "$");
    }

    public Command logs(LogOptions options) {
        return options.apply(Line.of("docker", "logs", CONTAINER), false);
    }

    /** The proxy reboot sequence after login: stop (failure ignored), prune, directory, run. */
    public Command reboot(ProxyRun run) {
        return Line.of("docker", "container", "stop", CONTAINER).raw("|| true").build().and(pruneContainers())
                .and(ensureAppsConfigDirectory()).and(run(run));
    }

    private void publish(Line line, ProxyRun run) {
        if (run.bindIps() == null || run.bindIps().isEmpty()) {
            line.args("--publish", run.httpPort() + ":80", "--publish", run.httpsPort() + ":443");
            return;
        }
        for (String ip : run.bindIps()) {
            String host = ip.contains(":") ? "[" + ip + "]" : ip;
            line.args("--publish", host + ":" + run.httpPort() + ":80", "--publish", host + ":" + run.httpsPort()
                    + ":443");
        }
    }
}
