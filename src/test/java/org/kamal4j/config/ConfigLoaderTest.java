package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void runningExampleGivesTheDerivedValues() throws ConfigException {
        DeployConfig c = Fixtures.load("running-example");
        assertEquals("registry.example/app", c.repository());
        assertEquals("registry.example/app:abc123", c.absoluteImage());
        assertEquals("registry.example/app:latest", c.latestImage());
        assertEquals(List.of("web", "workers"), c.roles().stream().map(Role::name).toList());
        assertEquals("web", c.primaryRoleName());
        assertEquals("1.1.1.1", c.primaryHost());
        assertEquals(List.of("1.1.1.1", "1.1.1.2"), c.appHosts());
        assertEquals(List.of("1.1.1.1"), c.proxyHosts());
        assertEquals(List.of("1.1.1.3"), c.accessories().get("db").hosts());
        assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.3"), c.allHosts());
        assertEquals("app-web-abc123", c.containerName("web", c.version()));
        assertEquals("app-workers-abc123", c.containerName("workers", c.version()));
        assertEquals("app-db", c.accessories().get("db").service());
    }

    @Test
    void runningExampleSectionsAreResolved() throws ConfigException {
        DeployConfig c = Fixtures.load("running-example");
        assertEquals(SecretValue.literal("deployer"), c.registry().username());
        assertEquals(SecretValue.secret("KAMAL_REGISTRY_PASSWORD"), c.registry().password());
        Role web = c.role("web");
        assertEquals(List.of("app.example.com"), web.proxy().hosts());
        assertEquals(3000, web.proxy().appPort());
        assertNull(web.stopTimeout(), "proxy roles leave docker's default stop timeout");
        Role workers = c.role("workers");
        assertFalse(workers.runsProxy());
        assertEquals("bin/jobs", workers.cmd());
        assertEquals(30, workers.stopTimeout(), "non-proxy roles stop with drain_timeout");
        assertEquals(Map.of("DB_HOST", "db.internal"), workers.env().clear());
        assertEquals(List.of("DB_PASSWORD"), workers.env().secrets());
        assertEquals("unless-stopped", web.restartPolicy());
        Accessory db = c.accessories().get("db");
        assertEquals("127.0.0.1:3306:3306", db.port());
        assertEquals(List.of("MYSQL_ROOT_PASSWORD"), db.env().secrets());
        assertEquals("data", db.directories().get(0).local());
        assertEquals("/var/lib/mysql", db.directories().get(0).remote());
        assertEquals(List.of("amd64"), c.builder().arch());
        assertEquals(Ssh.DEFAULT, c.ssh());
        assertEquals(Sshkit.DEFAULT, c.sshkit());
        assertEquals(5, c.retainContainers());
        assertEquals(".kamal/secrets", c.paths().secrets());
    }

    @Test
    void hostsAndRolesAreOrderedAsKamalDoes() throws ConfigException {
        DeployConfig c = Fixtures.load("ordering");
        assertEquals(List.of("1.1.1.2", "1.1.1.3", "1.1.1.1", "1.1.1.4"), c.allHosts());
        assertEquals(List.of("1.1.1.3", "1.1.1.1", "1.1.1.2", "1.1.1.4"), c.bootOrder());
        assertEquals(List.of("web", "api", "workers"), c.rolesInBootOrder().stream().map(Role::name).toList());
        assertEquals("1.1.1.3", c.primaryHost());
        assertEquals("app", c.image());
    }

    @Test
    void percentBootLimitCountsAllHostsIncludingAccessories() throws ConfigException {
        DeployConfig seven = Fixtures.load("boot-limit-7");
        assertEquals(1, seven.boot().limit());
        assertEquals("25%", seven.boot().limitRaw());
        assertEquals(2, seven.boot().waitSeconds());
        assertEquals(6, seven.bootGroups().size());
        DeployConfig four = Fixtures.load("boot-limit-4");
        assertEquals(2, four.boot().limit());
        assertEquals(List.of(List.of("h1", "h2"), List.of("h3", "h4")), four.bootGroups());
    }

    @Test
    void destinationFileIsDeepMergedOverTheBase() throws ConfigException {
        DeployConfig c = Fixtures.loader("destination").destination("staging").load();
        assertEquals(List.of("2.2.2.2", "2.2.2.3"), c.role("web").hostNames());
        assertEquals(Map.of("A", "base", "B", "staging"), c.env().clear());
        assertEquals(List.of("amd64"), c.builder().arch());
        assertEquals(Map.of("RUBY", "3.3"), c.builder().args());
        assertEquals("app-web-staging-abc123", c.containerName("web", c.version()));
        assertEquals("registry.example/app:latest-staging", c.latestImage());
    }

    @Test
    void requireDestinationWithoutOneFails() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.load("destination"));
        assertEquals(List.of("You must specify a destination"),
                e.problems().stream().map(ConfigProblem::kamalMessage).toList());
    }

    @Test
    void missingDestinationFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Fixtures.loader("destination").destination("production").load());
        assertTrue(e.problems().get(0).message().startsWith("Configuration file not found in "));
        assertTrue(e.problems().get(0).message().endsWith("deploy.production.yml"));
    }

    @Test
    void missingConfigFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Fixtures.dir("destination"), Map.of()).load());
        assertTrue(e.getMessage().contains("Configuration file not found in "), e.getMessage());
        assertTrue(e.getMessage().contains("config/deploy.yml"), e.getMessage());
    }

    @Test
    void anchorsAliasesMergeKeysAndExtensionKeysWork() throws ConfigException {
        DeployConfig c = Fixtures.load("anchors");
        assertEquals(Map.of("RAILS_ENV", "production", "LOG_LEVEL", "debug"), c.role("web").env().clear());
        assertEquals(Map.of("RAILS_ENV", "production", "LOG_LEVEL", "info"), c.role("jobs").env().clear());
        assertEquals(List.of("1.1.1.1", "1.1.1.2"), c.role("jobs").hostNames());
    }

    @Test
    void yaml11ScalarsAreReadAndEnvValuesStringified() throws ConfigException {
        DeployConfig c = Fixtures.load("yaml11");
        Map<String, String> env = c.env().clear();
        assertEquals("false", env.get("FEATURE"));
        assertEquals("true", env.get("ENABLED"));
        assertEquals("3306", env.get("PORT"));
        assertEquals("1.5", env.get("RATIO"));
        assertEquals("yes-please", env.get("NAME"));
        assertEquals("no", c.role("web").restartPolicy());
        assertTrue(c.role("web").options().isEmpty(), "restart is extracted from options");
        assertTrue(c.builder().local());
    }

    @Test
    void hostTagsDedupAndEnvMerging() throws ConfigException {
        DeployConfig c = Fixtures.load("env-tags");
        Role web = c.role("web");
        assertEquals(List.of("1.1.1.1", "1.1.1.2", "1.1.1.3"), web.hostNames());
        assertEquals(List.of("eu"), c.tagsOf(web, "1.1.1.1"), "the last entry's tags win");
        Env canaryEu = c.envFor(web, "1.1.1.3");
        assertEquals(Map.of("DB_HOST", "db", "FLAG", "canary", "REGION", "eu"), canaryEu.clear());
        assertEquals(List.of("DB_PASSWORD", "API_KEY", "EU_KEY"), canaryEu.secrets());
        Role workers = c.role("workers");
        assertEquals(Map.of("DB_HOST", "workers-db", "QUEUE", "default"), workers.env().clear());
        assertEquals(List.of("DB_PASSWORD:WORKERS_DB_PASSWORD", "API_KEY"), workers.env().secrets());
        assertEquals(List.of("FLAG"), List.copyOf(c.env().tags().get("canary").clear().keySet()));
    }

    @Test
    void versionComesFromTheEnvironmentWhenNotExplicit() throws ConfigException {
        DeployConfig c = new ConfigLoader(Fixtures.dir("ordering"), Map.of("VERSION", "v42"))
                .configFile("deploy.yml").load();
        assertEquals("v42", c.version());
        DeployConfig explicit = new ConfigLoader(Fixtures.dir("ordering"), Map.of("VERSION", "v42"))
                .configFile("deploy.yml").version("v43").load();
        assertEquals("v43", explicit.version());
    }

    @Test
    void erbSeesKamalDestinationSetOrRemoved() {
        assertEquals("staging", ConfigLoader.erbEnvironment(Map.of("A", "1"), "staging").get("KAMAL_DESTINATION"));
        assertEquals("1", ConfigLoader.erbEnvironment(Map.of("A", "1"), "staging").get("A"));
        assertFalse(ConfigLoader.erbEnvironment(Map.of("KAMAL_DESTINATION", "old"), null)
                .containsKey("KAMAL_DESTINATION"));
    }

    @Test
    void destinationFileNameReplacesTheExtension() {
        assertEquals(Path.of("x/foo.staging.yml"),
                ConfigLoader.destinationFile(Path.of("x/foo.yml"), "staging"));
    }

    @Test
    void accessoriesAloneNeedNoServers() throws ConfigException {
        DeployConfig c = Fixtures.load("accessories-only");
        assertTrue(c.roles().isEmpty());
        assertNull(c.primaryHost());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), c.allHosts());
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), c.proxyHosts());
        assertEquals(6379, c.accessories().get("redis").proxy().appPort());
        assertEquals("infra-redis", c.accessories().get("redis").service());
    }
}
