package org.kamal4j.commands;

import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;

/**
 * Asset bridging for a proxy role with {@code asset_path}: the new version's assets are extracted and
 * merged with the old version's, so requests for either version's files succeed during the switch.
 */
public final class AssetCommands {

    private final DeployConfig config;
    private final Role role;

    public AssetCommands(DeployConfig config, Role role) {
        this.config = config;
        this.role = role;
    }

    /** Copies the asset directory out of the new image into {@code extracted/<role>-<version>}. */
    public Command extract() {
        String container = config.containerPrefix(role.name()) + "-assets";
        String extracted = extractedDirectory(config.version());
        return Command.of("mkdir", "-p", extracted)
                .and(Line.of("docker", "container", "rm", container).raw("2> /dev/null").build())
                .or(Command.of("true"))
                .and(Command.of("docker", "container", "create", "--name", container, config.absoluteImage()))
                .and(Command.of("docker", "container", "cp", "-L", container + ":" + containerPath() + "/.",
                        extracted))
                .and(Command.of("docker", "container", "rm", container));
    }

    /** Fills the new version's asset volume, cross-copying with {@code oldVersion} (null: none). */
    public Command sync(String oldVersion) {
        String version = config.version();
        Command sync = Command.of("mkdir", "-p", volumeDirectory(version))
                .then(copy(extractedDirectory(version), volumeDirectory(version)));
        if (oldVersion == null) {
            return sync;
        }
        return sync.then(copy(extractedDirectory(version), volumeDirectory(oldVersion)).or(Command.of("true")))
                .then(copy(extractedDirectory(oldVersion), volumeDirectory(version)).or(Command.of("true")));
    }

    /** Removes the extracted and volume directories of every other version of this role. */
    public Command clean() {
        return cleanIn(config.appDirectory() + "/assets/extracted")
                .then(cleanIn(config.appDirectory() + "/assets/volumes"));
    }

    public String extractedDirectory(String version) {
        return config.appDirectory() + "/assets/extracted/" + role.name() + "-" + version;
    }

    public String volumeDirectory(String version) {
        return config.appDirectory() + "/assets/volumes/" + role.name() + "-" + version;
    }

    private Command cleanIn(String directory) {
        return Command.of("find", directory, "-maxdepth", "1", "-name", role.name() + "-*", "!", "-name",
                role.name() + "-" + config.version(), "-exec", "rm", "-rf", "{}", "+");
    }

    private static Command copy(String from, String to) {
        return Command.of("cp", "-rnT", from, to);
    }

    /** The asset path inside the container, without {@code :options}. */
    private String containerPath() {
        String path = config.assetPathOf(role);
        int colon = path.indexOf(':');
        return colon < 0 ? path : path.substring(0, colon);
    }
}
