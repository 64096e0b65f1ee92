package org.kamal4j.config;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link DeployConfig} for tests by name instead of by position: start from nothing ({@link #of}) or from
 * a config ({@link #from}) and set, by name, the fields the test is about. Defaults are the model's own.
 */
public final class ConfigBuilder {

    public String service = "app";
    public String image = "app";
    public String destination;
    public String version = "abc123";
    public Registry registry;
    public List<Role> roles = List.of();
    public String primaryRoleName = "web";
    public Map<String, Accessory> accessories = Map.of();
    public Env env;
    public Proxy proxy;
    public Ssh ssh = Ssh.DEFAULT;
    public Sshkit sshkit = Sshkit.DEFAULT;
    public Boot boot = Boot.DEFAULT;
    public Builder builder;
    public Logging logging = Logging.DEFAULT;
    public Map<String, String> labels = Map.of();
    public List<String> volumes = List.of();
    public ProjectPaths paths = new ProjectPaths(null, ProjectPaths.DEFAULT_HOOKS, ProjectPaths.DEFAULT_SECRETS, null);
    public Map<String, String> hooksOutput = Map.of();
    public Timeouts timeouts = new Timeouts(Timeouts.DEFAULT_READINESS_DELAY, Timeouts.DEFAULT_DEPLOY,
            Timeouts.DEFAULT_DRAIN, null);
    public int retainContainers = DeployConfig.DEFAULT_RETAIN_CONTAINERS;
    public Map<String, String> aliases = Map.of();
    public Secrets secrets = Secrets.of(Map.of());

    private ConfigBuilder() {}

    /** A config from the model's defaults with {@code changes} applied. */
    public static DeployConfig of(Consumer<ConfigBuilder> changes) {
        ConfigBuilder b = new ConfigBuilder();
        changes.accept(b);
        return b.build();
    }

    /** {@code c} with {@code changes} applied. */
    public static DeployConfig from(DeployConfig c, Consumer<ConfigBuilder> changes) {
        ConfigBuilder b = copy(c);
        changes.accept(b);
        return b.build();
    }

    private static ConfigBuilder copy(DeployConfig c) {
        ConfigBuilder b = new ConfigBuilder();
        b.service = c.service();
        b.image = c.image();
        b.destination = c.destination();
        b.version = c.version();
        b.registry = c.registry();
        b.roles = c.roles();
        b.primaryRoleName = c.primaryRoleName();
        b.accessories = c.accessories();
        b.env = c.env();
        b.proxy = c.proxy();
        b.ssh = c.ssh();
        b.sshkit = c.sshkit();
        b.boot = c.boot();
        b.builder = c.builder();
        b.logging = c.logging();
        b.labels = c.labels();
        b.volumes = c.volumes();
        b.paths = c.paths();
        b.hooksOutput = c.hooksOutput();
        b.timeouts = c.timeouts();
        b.retainContainers = c.retainContainers();
        b.aliases = c.aliases();
        b.secrets = c.secrets();
        return b;
    }

    public void errorPages(String v) {
        paths = new ProjectPaths(paths.asset(), paths.hooks(), paths.secrets(), v);
    }

    public void timeouts(int readinessDelay, int deploy, int drain) {
        timeouts = new Timeouts(readinessDelay, deploy, drain, timeouts.stop());
    }

    private DeployConfig build() {
        return new DeployConfig(service, image, destination, version, registry, roles, primaryRoleName, accessories,
                env, proxy, ssh, sshkit, boot, builder, logging, labels, volumes, paths, hooksOutput, timeouts,
                retainContainers, aliases, secrets);
    }
}
