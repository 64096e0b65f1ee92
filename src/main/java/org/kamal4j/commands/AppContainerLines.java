package org.kamal4j.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;

/** Builds the long {@code docker run} lines of an app role (blue-green container and one-off exec). */
record AppContainerLines(DeployConfig config, Role role) {

    /** The 13 token groups of Kamal's app {@code docker run}, in order. */
    Command run(String host, String hostname) {
        String container = config.containerName(role.name(), config.version());
        String restart = DockerArgs.restartPolicy(role.restartPolicy(), role.options());
        Line line = Line.of("docker", "run", "--detach", "--restart", restart, "--name", container,
                "--network", "kamal", "--hostname", hostname);
        line.value("--env", "KAMAL_CONTAINER_NAME=" + container)
                .value("--env", "KAMAL_VERSION=" + config.version())
                .value("--env", "KAMAL_HOST=" + host);
        if (config.destination() != null) {
            line.value("--env", "KAMAL_DESTINATION=" + config.destination());
        }
        DockerArgs.env(line, config.envFor(role, host).clear());
        line.args("--env-file", config.roleEnvFile(role.name()));
        DockerArgs.logging(line, DockerArgs.merge(config.logging(), role.logging()));
        config.volumes().forEach(v -> line.args("--volume").expand(v));
        String assetPath = config.assetPathOf(role);
        if (assetPath != null) {
            line.args("--volume").expand("$PWD/" + config.appDirectory() + "/assets/volumes/" + role.name() + "-"
                    + config.version() + ":" + assetPath);
        }
        labels(line);
        DockerArgs.options(line, role.options());
        return line.args(config.absoluteImage()).verbatim(role.cmd()).build();
    }

    /** A one-off container: no labels, no KAMAL_* variables, no hostname, no asset volume. */
    Command exec(String host, String name, String version, String cmd, Map<String, String> extraEnv,
            boolean detach, String interactiveFlag) {
        Line line = Line.of("docker", "run");
        if (interactiveFlag != null) {
            line.args(interactiveFlag);
        }
        line.args(detach ? "--detach" : "--rm", "--name", name, "--network", "kamal");
        DockerArgs.env(line, config.envFor(role, host).clear());
        line.args("--env-file", config.roleEnvFile(role.name()));
        DockerArgs.env(line, extraEnv);
        DockerArgs.logging(line, DockerArgs.merge(config.logging(), role.logging()));
        config.volumes().forEach(v -> line.args("--volume").expand(v));
        DockerArgs.options(line, role.options());
        return line.args(config.repository() + ":" + version).verbatim(cmd).build();
    }

    /** service, role, destination (bare without one), then root labels, then role labels (role wins). */
    private void labels(Line line) {
        line.value("--label", "service=" + config.service()).value("--label", "role=" + role.name());
        if (config.destination() == null) {
            line.args("--label", "destination");
        } else {
            line.value("--label", "destination=" + config.destination());
        }
        Map<String, String> custom = new LinkedHashMap<>(config.labels());
        custom.putAll(role.labels());
        DockerArgs.labels(line, custom);
    }
}
