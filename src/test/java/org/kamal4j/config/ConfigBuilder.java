package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/**
 * Builds a {@link DeployConfig} for tests by name instead of by position: start from nothing ({@link #of}) or from
 * a config ({@link #from}), change what the test is about, {@link #build()}. Defaults are the model's own.
 */
public final class ConfigBuilder {

    private String service = "app";
    private String image = "app";
    private String destination;
    private String version = "abc123";
    private Registry registry;
    private List<Role> roles = List.of();
    private String primaryRoleName = "web";
    private Map<String, Accessory> accessories = Map.of();
    private Env env;
    private Proxy proxy;
    private Ssh ssh = Ssh.DEFAULT;
    private Sshkit sshkit = Sshkit.DEFAULT;
    private Boot boot = Boot.DEFAULT;
    private Builder builder;
    private Logging logging = Logging.DEFAULT;
    private Map<String, String> labels = Map.of();
    private List<String> volumes = List.of();
    private ProjectPaths paths = new ProjectPaths(null, ProjectPaths.DEFAULT_HOOKS, ProjectPaths.DEFAULT_SECRETS, null);
    private Map<String, String> hooksOutput = Map.of();
    private Timeouts timeouts = new Timeouts(Timeouts.DEFAULT_READINESS_DELAY, Timeouts.DEFAULT_DEPLOY,
            Timeouts.DEFAULT_DRAIN, null);
    private int retainContainers = DeployConfig.DEFAULT_RETAIN_CONTAINERS;
    private Map<String, String> aliases = Map.of();
    private Secrets secrets = Secrets.of(Map.of());

    private ConfigBuilder() {}

    public static ConfigBuilder of() {
        return new ConfigBuilder();
    }

    public static ConfigBuilder from(DeployConfig c) {
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

    public ConfigBuilder destination(String v) {
        destination = v;
        return this;
    }

    public ConfigBuilder version(String v) {
        version = v;
        return this;
    }

    public ConfigBuilder registry(Registry v) {
        registry = v;
        return this;
    }

    public ConfigBuilder roles(List<Role> v) {
        roles = v;
        return this;
    }

    public ConfigBuilder accessories(Map<String, Accessory> v) {
        accessories = v;
        return this;
    }

    public ConfigBuilder env(Env v) {
        env = v;
        return this;
    }

    public ConfigBuilder proxy(Proxy v) {
        proxy = v;
        return this;
    }

    public ConfigBuilder boot(Boot v) {
        boot = v;
        return this;
    }

    public ConfigBuilder builder(Builder v) {
        builder = v;
        return this;
    }

    public ConfigBuilder labels(Map<String, String> v) {
        labels = v;
        return this;
    }

    public ConfigBuilder volumes(List<String> v) {
        volumes = v;
        return this;
    }

    public ConfigBuilder errorPages(String v) {
        paths = new ProjectPaths(paths.asset(), paths.hooks(), paths.secrets(), v);
        return this;
    }

    public ConfigBuilder timeouts(int readinessDelay, int deploy, int drain) {
        timeouts = new Timeouts(readinessDelay, deploy, drain, timeouts.stop());
        return this;
    }

    public ConfigBuilder secrets(Secrets v) {
        secrets = v;
        return this;
    }

    public DeployConfig build() {
        return new DeployConfig(service, image, destination, version, registry, roles, primaryRoleName, accessories,
                env, proxy, ssh, sshkit, boot, builder, logging, labels, volumes, paths, hooksOutput, timeouts,
                retainContainers, aliases, secrets);
    }
}
