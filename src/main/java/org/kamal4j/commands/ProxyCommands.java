package org.kamal4j.commands;

import java.util.List;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.ProxyRun;

/** The kamal-proxy container (6.3) and the {@code kamal-proxy} calls that route traffic to apps (6.2). */
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
    public Command deploy(org.kamal4j.config.Role role, String containerId) {
        return deploy(config.containerPrefix(role.name()), role.proxy(), containerId, role.name(),
                config.version());
    }

    /** Routes a proxied accessory's traffic to its container. */
    public Command deploy(org.kamal4j.config.Accessory accessory, String containerId) {
        return deploy(accessory.service(), accessory.proxy(), containerId, accessory.name(), config.version());
    }

    /**
     * {@code kamal-proxy deploy} of one container: {@code tlsRole} names the role whose custom certificate
     * directory is used; {@code version} names the error pages directory.
     */
    public Command deploy(String service, Proxy proxy, String target, String tlsRole, String version) {
        Line line = Line.of("docker", "exec", CONTAINER, "kamal-proxy", "deploy", service);
        line.interpolated("--target=" + target + ":" + proxy.appPort());
        proxy.hosts().forEach(h -> line.interpolated("--host=" + h));
        if (proxy.ssl()) {
            line.args("--tls");
        }
        if (proxy.customCertificate()) {
            String tls = CONTAINER_APPS_CONFIG + "/" + config.serviceWithDestination() + "/tls/" + tlsRole;
            line.interpolated("--tls-certificate-path=" + tls + "/cert.pem");
            line.interpolated("--tls-private-key-path=" + tls + "/key.pem");
        }
        line.interpolated("--deploy-timeout=" + config.deployTimeout() + "s");
        line.interpolated("--drain-timeout=" + config.drainTimeout() + "s");
        seconds(line, "--health-check-interval", proxy.healthcheckInterval());
        seconds(line, "--health-check-timeout", proxy.healthcheckTimeout());
        optional(line, "--health-check-path", proxy.healthcheckPath());
        seconds(line, "--target-timeout", proxy.responseTimeout());
        flag(line, "--buffer-requests", proxy.bufferRequests());
        flag(line, "--buffer-responses", proxy.bufferResponses());
        optional(line, "--buffer-memory", proxy.bufferMemory());
        optional(line, "--max-request-body", proxy.maxRequestBody());
        optional(line, "--max-response-body", proxy.maxResponseBody());
        proxy.pathPrefixes().forEach(p -> line.interpolated("--path-prefix=" + p));
        flag(line, "--strip-path-prefix", proxy.stripPathPrefix());
        flag(line, "--forward-headers", proxy.forwardHeaders());
        flag(line, "--tls-redirect", proxy.sslRedirect());
        headers(line, proxy);
        if (config.errorPagesPath() != null) {
            line.interpolated("--error-pages=" + CONTAINER_APPS_CONFIG + "/" + config.serviceWithDestination()
                    + "/error_pages/" + version);
        }
        return line.build();
    }

    /** Removes a service's route ({@code app stop/remove}, accessory stop). */
    public Command remove(String service) {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "remove", service);
    }

    /** Maintenance mode; {@code drainTimeout} (seconds) and {@code message} may be null. */
    public Command stop(String service, Integer drainTimeout, String message) {
        Line line = Line.of("docker", "exec", CONTAINER, "kamal-proxy", "stop", service);
        seconds(line, "--drain-timeout", drainTimeout);
        optional(line, "--message", message);
        return line.build();
    }

    public Command resume(String service) {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "resume", service);
    }

    /** {@code kamal-proxy list}: the routes the proxy serves. */
    public Command list() {
        return Command.of("docker", "exec", CONTAINER, "kamal-proxy", "list");
    }

    /** The kamal-proxy {@code docker run} of 6.3 for {@code proxy.run} settings. */
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

    /** The reboot sequence of 4.10 after login: stop (failure ignored), prune, directory, run. */
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

    private static void headers(Line line, Proxy proxy) {
        List<String> request = proxy.logRequestHeaders() == null ? Proxy.DEFAULT_LOG_REQUEST_HEADERS
                : proxy.logRequestHeaders();
        request.forEach(h -> line.interpolated("--log-request-header=" + h));
        if (proxy.logResponseHeaders() != null) {
            proxy.logResponseHeaders().forEach(h -> line.interpolated("--log-response-header=" + h));
        }
    }

    private static void seconds(Line line, String flag, Integer value) {
        if (value != null) {
            line.interpolated(flag + "=" + value + "s");
        }
    }

    private static void optional(Line line, String flag, Object value) {
        if (value != null) {
            line.interpolated(flag + "=" + value);
        }
    }

    private static void flag(Line line, String flag, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            line.args(flag);
        } else if (Boolean.FALSE.equals(value)) {
            line.interpolated(flag + "=false");
        }
    }
}
