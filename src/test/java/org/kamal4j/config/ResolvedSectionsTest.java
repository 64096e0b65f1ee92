package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedSectionsTest {

    @Test
    void proxyIsOnForThePrimaryRoleUnlessFalseAndOffForOthersUnlessTrueOrAMap() throws ConfigException {
        DeployConfig c = Fixtures.load("role-proxy");
        assertFalse(c.role("web").runsProxy());
        Proxy api = c.role("api").proxy();
        assertEquals(List.of("app.example.com"), api.hosts());
        assertEquals(3000, api.appPort());
        Proxy admin = c.role("admin").proxy();
        assertEquals(List.of("admin.example.com"), admin.hosts());
        assertEquals("/health", admin.healthcheckPath());
        assertEquals(3, admin.healthcheckInterval(), "role map is deep-merged over the root proxy");
        assertEquals(9000, admin.run().metricsPort());
        assertFalse(c.role("jobs").runsProxy());
        assertEquals(List.of("1.1.1.3", "1.1.1.2"), c.proxyHosts(), "roles alphabetical: admin, api");
    }

    @Test
    void stopTimeoutRoleThenRootThenDockerDefaultOrDrainTimeout() throws ConfigException {
        DeployConfig c = Fixtures.load("role-proxy");
        assertEquals(5, c.role("cron").stopTimeout());
        assertEquals(12, c.role("jobs").stopTimeout());
        assertEquals(12, c.role("api").stopTimeout());
        assertEquals(Map.of("team", "core"), c.role("jobs").labels());
    }

    @Test
    void accessoryHostsComeFromHostHostsRoleRolesTagTags() throws ConfigException {
        DeployConfig c = Fixtures.load("accessory-hosts");
        Map<String, Accessory> a = c.accessories();
        assertEquals(List.of("one", "many", "byrole", "byroles", "bytag"), List.copyOf(a.keySet()));
        assertEquals(List.of("9.9.9.9"), a.get("one").hosts());
        assertEquals(List.of("9.9.9.8", "9.9.9.9"), a.get("many").hosts());
        assertEquals(List.of("1.1.1.3", "1.1.1.4"), a.get("byrole").hosts());
        assertEquals(List.of("1.1.1.3", "1.1.1.4", "1.1.1.1", "1.1.1.2"), a.get("byroles").hosts());
        assertEquals(List.of("1.1.1.3", "1.1.1.1"), a.get("bytag").hosts());
        Accessory t = a.get("bytag");
        assertEquals("custom", t.service());
        assertEquals("ghcr.io/a", t.image());
        assertEquals(SecretValue.secret("GHCR"), t.registry().password());
        assertEquals("always", t.restartPolicy());
        assertEquals(Map.of("memory", "1g"), t.options());
        assertEquals(new Accessory.MountSpec("config/my.cnf", "/etc/mysql/my.cnf", null, null, "ro"), t.files().get(0));
        assertEquals(new Accessory.MountSpec("init.sql", "/docker-entrypoint-initdb.d/init.sql", "0644", null, null),
                t.files().get(1));
        assertEquals("kamal", t.network());
        assertEquals("app-one", a.get("one").service());
        assertEquals(List.of("1.1.1.3", "1.1.1.4", "1.1.1.1", "1.1.1.2", "9.9.9.9", "9.9.9.8"), c.allHosts());
    }

    @Test
    void loggingRootAndRoleAreDeepMerged() throws ConfigException {
        DeployConfig c = Fixtures.load("logging-merge");
        assertEquals(new Logging("json-file", Map.of("max-size", "50m", "max-file", "3")), c.role("web").logging());
        assertEquals(new Logging("json-file", Map.of("max-size", "10m", "max-file", "3")), c.role("jobs").logging());
        assertEquals(c.role("jobs").logging(), c.logging());
    }

    @Test
    void sshKeysAndOurExtensionsAreRead() throws ConfigException {
        DeployConfig c = Fixtures.load("ssh-extensions");
        assertEquals(new Ssh("deploy", 2222, "root@bastion.example", null, "fatal", true,
                List.of("~/.ssh/id_ed25519"), null, List.of(), null, "accept-new", "target/known_hosts", 5, 600, 30,
                "fleet-key"), c.ssh());
        assertEquals(new Sshkit(10, 60, 0), c.sshkit());
    }

    @Test
    void aDigitsOnlyBootLimitStringIsCoerced() throws ConfigException {
        DeployConfig c = Fixtures.load("boot-limit-string");
        assertEquals(3, c.boot().limit());
        assertTrue(c.boot().parallelRoles());
        assertEquals(List.of(List.of("h1", "h2", "h3"), List.of("h4", "h5")), c.bootGroups());
    }

    @Test
    void builderDefaultsLocalRegistryImageAndTopLevelValues() throws ConfigException {
        DeployConfig c = Fixtures.load("builder-defaults");
        assertEquals("app", c.image(), "a local registry defaults the image to the service");
        assertEquals("localhost:5000/app:abc123", c.absoluteImage());
        Builder b = c.builder();
        assertEquals(List.of("amd64", "arm64"), b.arch());
        assertTrue(b.local());
        assertEquals("docker-container", b.driver());
        assertEquals("Dockerfile", b.dockerfile());
        assertEquals("registry", b.cacheType());
        assertEquals("app-build-cache", b.cacheImage());
        assertEquals("false", b.provenance());
        assertNull(b.sbom());
        assertEquals(List.of("GITHUB_TOKEN"), b.secrets());
        assertEquals(Map.of("pre-deploy", "verbose", "post-deploy", "quiet"), c.hooksOutput());
        assertEquals(Map.of("shell", "app exec -i bash"), c.aliases());
        assertEquals(3, c.retainContainers());
        assertEquals(7, c.timeouts().readinessDelay());
        assertEquals(30, c.timeouts().deploy());
        assertEquals(30, c.timeouts().drain());
        assertEquals(".kamal/hooks", c.paths().hooks());
        assertNull(c.registry().username());
    }
}
