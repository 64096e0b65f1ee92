package org.kamal4j.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.Accessory.MountSpec;
import org.kamal4j.config.DeployConfig;

/** The commands for one accessory container: run, existence, directories, files, lifecycle. */
public final class AccessoryCommands {

    private final DeployConfig config;
    private final Accessory accessory;

    public AccessoryCommands(DeployConfig config, Accessory accessory) {
        this.config = config;
        this.accessory = accessory;
    }

    /** The accessory {@code docker run} in Kamal's token order. */
    public Command run(String host) {
        String restart = DockerArgs.restartPolicy(accessory.restartPolicy(), accessory.options());
        Line line = Line.of("docker", "run", "--name", accessory.service(), "--detach", "--restart", restart,
                "--network", network());
        DockerArgs.logging(line, config.logging());
        if (accessory.port() != null) {
            line.args("--publish", accessory.port().contains(":") ? accessory.port()
                    : accessory.port() + ":" + accessory.port());
        }
        line.value("--env", "KAMAL_HOST=" + host);
        DockerArgs.env(line, accessory.env().clear());
        line.args("--env-file", envFile());
        volumes(line);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("service", accessory.service());
        labels.putAll(accessory.labels());
        DockerArgs.labels(line, labels);
        DockerArgs.options(line, accessory.options());
        return line.args(image()).verbatim(accessory.cmd()).build();
    }

    /** The image, prefixed with the accessory's own registry server when it has one. */
    public String image() {
        if (accessory.registry() != null && accessory.registry().server() != null) {
            return accessory.registry().server() + "/" + accessory.image();
        }
        return accessory.image();
    }

    /** Prints the ids of any container of this accessory (non-empty: skip booting). */
    public Command existing() {
        return Command.of("docker", "ps", "-a", "-q", "--filter", "label=service=" + accessory.service());
    }

    /** Prints the id of the running container (for kamal-proxy deploy). */
    public Command containerId() {
        return DockerArgs.nameFilter(Line.of("docker", "container", "ls"), accessory.service()).args("--quiet")
                .build();
    }

    /** One command creating every directory with its mode and owner, or null when there are none. */
    public Command ensureDirectories() {
        List<Command> steps = new ArrayList<>();
        for (MountSpec dir : accessory.directories()) {
            String path = directoryHostPath(dir);
            steps.add(Line.of("mkdir", "-p").expand(path).build());
            if (dir.mode() != null) {
                steps.add(Line.of("chmod", dir.mode()).expand(path).build());
            }
            if (dir.owner() != null) {
                steps.add(Line.of("chown", dir.owner()).expand(path).build());
            }
        }
        return chain(steps);
    }

    /** {@code mkdir -p} of the parent directory of a file's host copy. */
    public Command ensureFileDirectory(MountSpec file) {
        String path = fileHostPath(file);
        return Command.of("mkdir", "-p", path.substring(0, path.lastIndexOf('/')));
    }

    /** chmod (default 755) and chown of an uploaded file, in one round trip. */
    public Command fileModeAndOwner(MountSpec file) {
        Command chmod = Command.of("chmod", file.mode() == null ? "755" : file.mode(), fileHostPath(file));
        return file.owner() == null ? chmod : chmod.and(Command.of("chown", file.owner(), fileHostPath(file)));
    }

    /** Where a file is uploaded, relative to the home directory: {@code <service><remote>}. */
    public String fileHostPath(MountSpec file) {
        return accessory.service() + file.remote();
    }

    public String envDirectory() {
        return config.appDirectory() + "/env/accessories";
    }

    public String envFile() {
        return envDirectory() + "/" + accessory.name() + ".env";
    }

    public Command ensureEnvDirectory() {
        return Command.of("mkdir", "-p", envDirectory());
    }

    public Command pullImage() {
        return Command.of("docker", "image", "pull", image());
    }

    public Command start() {
        return Command.of("docker", "container", "start", accessory.service());
    }

    public Command stop() {
        return Command.of("docker", "container", "stop", accessory.service());
    }

    public Command removeContainer() {
        return Command.of("docker", "container", "prune", "--force", "--filter", "label=service=" + accessory.service());
    }

    public Command removeImage() {
        return Command.of("docker", "image", "rm", "--force", image());
    }

    public Command removeServiceDirectory() {
        return Command.of("rm", "-rf", accessory.service());
    }

    public Command details() {
        return Command.of("docker", "ps", "--filter", "label=service=" + accessory.service());
    }

    public Command logs(LogOptions options) {
        return options.apply(Line.of("docker", "logs", accessory.service()), false);
    }

    /** A one-off container ({@code reuse} false) or an exec in the running one. */
    public Command exec(String cmd, boolean reuse) {
        return exec(cmd, reuse, null);
    }

    /** As {@link #exec(String, boolean)}; {@code interactiveFlag} ({@code -it}/{@code -i}) or null. */
    public Command exec(String cmd, boolean reuse, String interactiveFlag) {
        Line line = Line.of("docker", reuse ? "exec" : "run");
        if (interactiveFlag != null) {
            line.args(interactiveFlag);
        }
        if (reuse) {
            return line.args(accessory.service()).verbatim(cmd).build();
        }
        line.args("--rm", "--network", network(), "--env-file", envFile());
        volumes(line);
        return line.args(image()).verbatim(cmd).build();
    }

    private void volumes(Line line) {
        accessory.volumes().forEach(v -> line.args("--volume").expand(v));
        for (MountSpec file : accessory.files()) {
            line.args("--volume").expand(mount("$PWD/" + fileHostPath(file), file));
        }
        for (MountSpec dir : accessory.directories()) {
            line.args("--volume").expand(mount(directoryHostPath(dir), dir));
        }
    }

    private static String mount(String hostPath, MountSpec spec) {
        return hostPath + ":" + spec.remote() + (spec.options() == null ? "" : ":" + spec.options());
    }

    /** The host paths of the directories under the service directory, which {@code rm -rf <service>} deletes. */
    public List<String> dataDirectories() {
        return accessory.directories().stream().filter(d -> !d.local().startsWith("/"))
                .map(d -> accessory.service() + "/" + d.local()).toList();
    }

    private String directoryHostPath(MountSpec dir) {
        return dir.local().startsWith("/") ? dir.local() : "$PWD/" + accessory.service() + "/" + dir.local();
    }

    private String network() {
        return accessory.network() == null ? "kamal" : accessory.network();
    }

    private static Command chain(List<Command> steps) {
        Command all = null;
        for (Command step : steps) {
            all = all == null ? step : all.and(step);
        }
        return all;
    }
}
