package org.kamal4j.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.Builder;
import org.kamal4j.config.ConfigBuilder;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Env;
import org.kamal4j.config.Host;
import org.kamal4j.config.Proxy;
import org.kamal4j.config.Registry;
import org.kamal4j.config.Role;
import org.kamal4j.config.SecretValue;
import org.kamal4j.config.Secrets;

/** The running example of reference section 0.1, as config records, with variants for the tests. */
final class Example {

    static final Secrets SECRETS = Secrets.of(Map.of("KAMAL_REGISTRY_PASSWORD", "s3cret", "DB_PASSWORD", "dbpw",
            "MYSQL_ROOT_PASSWORD", "rootpw"));

    private Example() {}

    static Proxy proxy() {
        return new Proxy(List.of("app.example.com"), 3000, false, null, null, null, null, null, List.of(), null,
                null, null, null, true, true, null, null, null, Proxy.DEFAULT_LOG_REQUEST_HEADERS, List.of(), null);
    }

    static Env rootEnv() {
        return new Env(Map.of("DB_HOST", "db.internal"), List.of("DB_PASSWORD"), Map.of());
    }

    static Role web() {
        return role("web", "1.1.1.1", null, proxy(), rootEnv());
    }

    static Role workers() {
        return role("workers", "1.1.1.2", "bin/jobs", null, rootEnv());
    }

    static Role role(String name, String host, String cmd, Proxy proxy, Env env) {
        return new Role(name, List.of(Host.of(host)), cmd, null, null, Map.of(), null, Map.of(), env, proxy, null);
    }

    static Accessory db() {
        return new Accessory("db", "app-db", "mysql:8.0", null, List.of("1.1.1.3"), null, "127.0.0.1:3306:3306",
                Map.of(), null, Map.of(), new Env(Map.of(), List.of("MYSQL_ROOT_PASSWORD"), Map.of()), List.of(),
                List.of(new Accessory.MountSpec("data", "/var/lib/mysql", null, null, null)), List.of(), "kamal",
                null);
    }

    static Builder builder() {
        return new Builder(List.of("amd64"), null, true, "docker-container", null, "Dockerfile", null, Map.of(),
                List.of(), null, null, null, null, null, null, null, null, null);
    }

    static DeployConfig config() {
        return config(null, List.of(web(), workers()), Map.of(), List.of(), null);
    }

    static DeployConfig config(String destination, List<Role> roles, Map<String, String> labels,
            List<String> volumes, String errorPagesPath) {
        Map<String, Accessory> accessories = new LinkedHashMap<>();
        accessories.put("db", db());
        return ConfigBuilder.of(b -> {
            b.destination = destination;
            b.registry = new Registry("registry.example", SecretValue.literal("deployer"),
                    SecretValue.secret("KAMAL_REGISTRY_PASSWORD"));
            b.roles = roles;
            b.accessories = accessories;
            b.env = rootEnv();
            b.proxy = proxy();
            b.builder = builder();
            b.labels = labels;
            b.volumes = volumes;
            b.errorPages(errorPagesPath);
            b.timeouts(0, 30, 30);
            b.secrets = SECRETS;
        });
    }

    /** The example with other deploy/drain timeouts and error pages. */
    static DeployConfig timed(int deployTimeout, int drainTimeout, String errorPagesPath) {
        return ConfigBuilder.from(config(null, List.of(web(), workers()), Map.of(), List.of(), errorPagesPath),
                b -> b.timeouts(0, deployTimeout, drainTimeout));
    }

    static DeployConfig staging() {
        return config("staging", List.of(web(), workers()), Map.of(), List.of(), null);
    }
}
