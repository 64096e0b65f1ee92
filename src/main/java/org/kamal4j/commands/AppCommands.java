package org.kamal4j.commands;

import java.util.Map;
import java.util.function.IntFunction;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;

/** The docker commands for one role of the app on a host: run, query, stop, inspect, remove. */
public final class AppCommands {

    private final DeployConfig config;
    private final Role role;
    private final IntFunction<String> randomHex;

    public AppCommands(DeployConfig config, Role role) {
        this(config, role, RandomHex.secure());
    }

    /** {@code randomHex} supplies the random parts of hostnames and container names (tests fix it). */
    public AppCommands(DeployConfig config, Role role, IntFunction<String> randomHex) {
        this.config = config;
        this.role = role;
        this.randomHex = randomHex;
    }

    /** The blue-green {@code docker run} of {@code config.version()} on {@code host}, in Kamal's token order. */
    public Command run(String host) {
        return new AppContainerLines(config, role).run(host, hostname(host)).step("run");
    }

    /** A one-off container of {@code version} running {@code cmd} (shell text), with extra env. */
    public Command execNew(String host, String version, String cmd, Map<String, String> extraEnv,
            boolean detach, String interactiveFlag) {
        String name = config.containerPrefix(role.name()) + "-exec-" + version + "-" + randomHex.apply(6);
        return new AppContainerLines(config, role).exec(host, name, version, cmd, extraEnv, detach, interactiveFlag);
    }

    /** {@code <host[0,51] minus one trailing dot>-<hex12>}: unique per container, within docker's 64 chars. */
    public String hostname(String host) {
        String h = host.length() > 51 ? host.substring(0, 51) : host;
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h + "-" + randomHex.apply(12);
    }

    /** Prints the version of the current running container of this role (blank: none). */
    public Command currentRunningVersion() {
        Line format = Line.of("--format", "{{.Names}}");
        return new Line().subshell(latestContainerScript(format))
                .raw("| head -1 |").raw(stripPrefixLoop()).build();
    }

    /** Prints the id of the current running container of this role (blank: none). */
    public Command currentRunningContainerId() {
        return new Line().subshell(latestContainerScript(Line.of("--quiet"))).raw("| head -1").build();
    }

    /** Prints the id of the container of {@code version} in any state (blank: none). */
    public Command containerIdForVersion(String version) {
        return DockerArgs.nameFilter(Line.of("docker", "container", "ls", "--all"), containerName(version))
                .args("--quiet").build();
    }

    /** A new name for a clashing container: {@code <version>_replaced_<hex16>}. */
    public String replacementVersion(String version) {
        return version + "_replaced_" + randomHex.apply(16);
    }

    public Command rename(String version, String newVersion) {
        return Command.of("docker", "rename", containerName(version), containerName(newVersion));
    }

    /** Stops the container of {@code version}, with Kamal's stop timeout when one applies ({@code docker stop -t}). */
    public Command stop(String version) {
        return containerIdForVersion(version).pipe(stopViaXargs()).step("stop");
    }

    /** Stops the current running container of this role. */
    public Command stopCurrent() {
        return currentRunningContainerId().pipe(stopViaXargs()).step("stop");
    }

    public Command start(String version) {
        return Command.of("docker", "start", containerName(version));
    }

    /** Health status if the image has a health check, else the container's state (running, exited, ...). */
    private static final String STATUS_FORMAT =
            "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}";

    /** Prints the health status, or the state when the image has no HEALTHCHECK. */
    public Command healthStatus(String version) {
        return containerIdForVersion(version).pipe(Command.of("xargs", "docker", "inspect", "--format",
                STATUS_FORMAT)).step("health");
    }

    /** The statuses {@link #awaitReady} stops at: healthy, or running for an image without a health check. */
    public static final String READY_STATUSES = "healthy|running";

    /**
     * Waits on the host for the container of {@code version} to be ready: polls its status (as {@link #healthStatus})
     * every 0.1 s for {@code seconds} (at least, and less than one second more: {@code date +%s} counts whole
     * seconds) and prints the last status; it returns as soon as the status is healthy or running. A failing status
     * command (no such container) ends it with that command's exit status.
     * One round trip instead of a client-side poll once a second; the caller bounds the whole wait by
     * {@code deploy_timeout} with several of these, so a stop or a timeout is never more than one call away.
     */
    public Command awaitReady(String version, int seconds) {
        return awaitReady(version, seconds, null, null);
    }

    /** The line {@link #awaitReady(String, int, String, Command)} prints once its {@code then} ran. */
    public static final String RETIRED_MARK = "@@kamal-ran-after-ready";

    /**
     * As {@link #awaitReady(String, int)}, and when the status it ends with is one of {@code thenStatuses} (e.g.
     * {@link #READY_STATUSES}) it then runs {@code then}, its output discarded, and prints {@link #RETIRED_MARK}
     * after the status. Judged by the status the wait saw, with no second look at the container, and never
     * failing the wait: the old container is stopped in the same command, without a round trip of its own.
     */
    public Command awaitReady(String version, int seconds, String thenStatuses, Command then) {
        // the container by its exact name: one docker call per poll instead of the lookup piped into xargs
        Command status = Command.of("docker", "inspect", "--type", "container", "--format", STATUS_FORMAT,
                containerName(version));
        Command loop = new Line().raw("end=$(( $(date +%s) + " + seconds + " )); while :; do")
                .substitution("status=", status, "", false).raw("|| exit $?;")
                .raw("case \"$status\" in " + READY_STATUSES + ") break;; esac;")
                .raw("[ \"$(date +%s)\" -le \"$end\" ] || break; sleep 0.1; done; echo \"$status\"").build();
        if (then == null) {
            return Command.subshell(loop).step("health");
        }
        Command after = Command.script("case \"$status\" in " + thenStatuses + ") true;; *) false;; esac")
                .and(Command.group(then).raw(">/dev/null 2>&1")).and(Command.of("echo", RETIRED_MARK)).tolerated();
        return Command.subshell(loop.then(after)).step("health");
    }

    public Command healthLog(String version) {
        return containerIdForVersion(version)
                .pipe(Command.of("xargs", "docker", "inspect", "--format", "{{json .State.Health}}"));
    }

    /** All logs of one version, with timestamps. */
    public Command logs(String version) {
        return containerIdForVersion(version).pipe(Line.of("xargs", "docker", "logs", "--timestamps")
                .raw("2>&1").build());
    }

    /** Logs of the current running container. */
    public Command logsCurrent(LogOptions options) {
        return logs(null, options);
    }

    /** Logs of {@code containerId} ({@code --container-id}; {@code sh -c 'echo ID'} as Kamal), else the current one. */
    public Command logs(String containerId, LogOptions options) {
        Command id = containerId == null ? currentRunningContainerId() : Command.of("sh", "-c", "echo " + containerId);
        return id.pipe(options.apply(Line.of("xargs", "docker", "logs")));
    }

    /** Prints the version of every running container of this role, one per line. */
    public Command runningVersions() {
        return roleFilters(Line.of("docker", "ps")).args("--format", "{{.Names}}").raw("|")
                .raw(stripPrefixLoop()).build();
    }

    /**
     * Lists every container of this role, in any state, newest first (docker's order), into the shell variable
     * {@code var}: {@code <id> <state> <name>} per line. That one listing answers {@link #runningVersionsIn},
     * {@link #currentRunningVersionIn} and {@link #containerIdIn} without asking docker again. Fails as the listing
     * does.
     */
    public Command readContainerStates(String var) {
        Command list = roleFilters(Line.of("docker", "container", "ls", "--all"))
                .args("--format", "{{.ID}} {{.State}} {{.Names}}").build();
        return new Line().substitution(var + "=", list, "", false).build();
    }

    /** As {@link #runningVersions} (running, restarting or paused, as {@code docker ps} lists), from {@code var}. */
    public Command runningVersionsIn(String var) {
        return new Line().raw(linesOf(var) + " case \"$state\" in running|restarting|paused) echo ${name#"
                + ShellQuoting.quote(config.containerPrefix(role.name()) + "-") + "};; esac; done").build();
    }

    /**
     * As {@link #currentRunningVersion}: the newest running (or restarting) container of the latest image, else
     * the newest running one, which is the first such line in {@code var} ({@link #readContainerStates}).
     */
    public Command currentRunningVersionIn(String var) {
        Line names = Line.of("--format", "{{.Names}}");
        Command withAncestor = latestOfLatestTag(names).then(new Line().raw(linesOf(var)
                + " case \"$state\" in running|restarting) echo \"$name\";; esac; done").build());
        return Command.group(withAncestor).raw("| head -1 |").raw(stripPrefixLoop());
    }

    /** As {@link #containerIdForVersion}, from {@code var} ({@link #readContainerStates}). */
    public Command containerIdIn(String var, String version) {
        return new Line().raw(linesOf(var) + " [ \"$name\" != " + ShellQuoting.quote(containerName(version))
                + " ] || echo \"$id\"; done").build();
    }

    private static String linesOf(String var) {
        return "echo \"$" + var + "\" | while read id state name; do";
    }

    /**
     * Prints the versions of every container of this role, in any state, newest first (docker lists containers by
     * creation time, latest first): what {@code kamal:rollback} without a version reads the previous version from.
     */
    public Command versionsNewestFirst() {
        return roleFilters(Line.of("docker", "container", "ls", "--all")).args("--format", "{{.Names}}").raw("|")
                .raw(stripPrefixLoop()).build();
    }

    public Command removeContainer(String version) {
        return containerIdForVersion(version).pipe(Command.of("xargs", "docker", "container", "rm"));
    }

    /** Removes every stopped container of this role. */
    public Command pruneContainers() {
        return roleFilters(Line.of("docker", "container", "prune", "--force")).build();
    }

    /** Removes every image of the service (any role). */
    public Command removeImages() {
        return Line.of("docker", "image", "prune", "--all", "--force", "--filter", "label=service=" + config.service())
                .build();
    }

    public Command listContainers() {
        return roleFilters(Line.of("docker", "container", "ls", "--all")).build();
    }

    /** Every container of the service and destination, all roles ({@code app containers}). */
    public Command listAllContainers() {
        return Line.of("docker", "container", "ls", "--all", "--filter", "label=service=" + config.service(),
                "--filter", "label=destination=" + destinationValue()).build();
    }

    public Command details() {
        return roleFilters(Line.of("docker", "ps")).build();
    }

    public Command listImages() {
        return Command.of("docker", "image", "ls", config.repository());
    }

    public Command tagLatest() {
        return Command.of("docker", "tag", config.absoluteImage(), config.latestImage());
    }

    public Command ensureEnvDirectory() {
        return Command.of("mkdir", "-p", envDirectory());
    }

    /** Removes the app directory ({@code rm -r .kamal/apps/<service>}) on app remove. */
    public Command removeAppDirectory() {
        return Command.of("rm", "-r", config.appDirectory());
    }

    /**
     * Renames a clashing container of {@code version} to {@code newVersion} if one exists and prints the new
     * name: the clash check and the rename in one round trip.
     */
    public Command renameIfExists(String version, String newVersion) {
        return new Line().raw("if").addAll(Line.of("docker", "container", "ls", "--all", "--filter",
                        "name=^" + containerName(version) + "$", "--quiet")).raw("| grep -q . ; then")
                .addAll(Line.of("docker", "rename", containerName(version), containerName(newVersion)))
                .raw("&&").args("echo", containerName(newVersion)).raw("; fi").build();
    }

    public String envDirectory() {
        return config.appDirectory() + "/env/roles";
    }

    /** {@code docker exec} in the running container of {@code version}. */
    public Command execReuse(String version, String cmd, Map<String, String> extraEnv, String interactiveFlag) {
        Line line = Line.of("docker", "exec");
        if (interactiveFlag != null) {
            line.args(interactiveFlag);
        }
        DockerArgs.env(line, extraEnv);
        return line.args(containerName(version)).verbatim(cmd).build();
    }

    /** Role stop timeout, else root, else none for proxy roles and the drain timeout for the others. */
    public Integer stopTimeout() {
        if (role.stopTimeout() != null) {
            return role.stopTimeout();
        }
        if (config.timeouts().stop() != null) {
            return config.timeouts().stop();
        }
        return role.runsProxy() ? null : config.timeouts().drain();
    }

    public String containerName(String version) {
        return config.containerName(role.name(), version);
    }

    private Command stopViaXargs() {
        Integer timeout = stopTimeout();
        Line line = Line.of("xargs", "docker", "stop");
        return timeout == null ? line.build() : line.args("-t", String.valueOf(timeout)).build();
    }

    private Command latestContainerScript(Line output) {
        return latestOfLatestImage(output).then(newestRunning(output).build());
    }

    /** {@code docker ps --latest} of this role's running (or restarting) containers, printing {@code output}. */
    private Line newestRunning(Line output) {
        return roleFilters(Line.of("docker", "ps", "--latest").addAll(output))
                .args("--filter", "status=running", "--filter", "status=restarting");
    }

    /** The newest running (or restarting) container of this role whose image is the latest tag's. */
    private Command latestOfLatestImage(Line output) {
        return newestRunning(output).args("--filter")
                .substitution("ancestor=", Command.of("docker", "image", "ls", "--filter",
                        "reference=" + config.latestImage(), "--format", "{{.ID}}"), "", false)
                .build();
    }

    /**
     * As {@link #latestOfLatestImage}, naming the image by its {@code latest} reference: docker resolves it itself,
     * one docker call where Kamal's form makes two. Docker matches nothing when the reference does not exist, as it
     * does for Kamal's empty {@code ancestor=}. Kept to the probe: the logs and exec lookups stay Kamal's text.
     */
    private Command latestOfLatestTag(Line output) {
        return newestRunning(output).args("--filter", "ancestor=" + config.latestImage()).build();
    }

    private Line roleFilters(Line line) {
        return line.args("--filter", "label=service=" + config.service(),
                "--filter", "label=destination=" + destinationValue(), "--filter", "label=role=" + role.name());
    }

    private String destinationValue() {
        return config.destination() == null ? "" : config.destination();
    }

    private String stripPrefixLoop() {
        return "while read line; do echo ${line#" + ShellQuoting.quote(config.containerPrefix(role.name()) + "-")
                + "}; done";
    }
}
