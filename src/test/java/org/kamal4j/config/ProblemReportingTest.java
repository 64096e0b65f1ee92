package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemReportingTest {

    @Test
    void everyProblemIsReportedAtOnceWithFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.load("all-problems"));
        assertEquals(List.of(
                "deploy.yml:13: deploy_timeout: should be an integer",
                "deploy.yml:7: servers/web: unknown key: host",
                "deploy.yml:9: servers/web/stop_timeout: should be an integer",
                "deploy.yml:12: ssh: unknown key: x-note",
                "deploy.yml:16: Must retain at least 1 container"),
                e.problems().stream().map(ConfigProblem::format).toList());
        assertTrue(e.getMessage().startsWith("Invalid Kamal configuration: 5 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  deploy.yml:7: servers/web: unknown key: host"), e.getMessage());
        assertEquals(e.heading(), e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void problemsInTheDestinationFileNameThatFile() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Fixtures.loader("all-problems").destination("staging").load());
        assertTrue(e.problems().stream().map(ConfigProblem::format).toList().contains(
                "deploy.staging.yml:5: servers/web/labels/role: invalid label. destination, role, and service are "
                        + "reserved labels"), e.getMessage());
    }

    @Test
    void traefikHooksMustBeRenamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.load("traefik-hooks"));
        assertEquals("Found post-traefik-reboot, these should be renamed to (pre|post)-proxy-reboot",
                e.problems().get(0).kamalMessage());
    }

    @Test
    void yamlSyntaxErrorsNameFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.load("parse-error"));
        ConfigProblem p = e.problems().get(0);
        assertEquals("deploy.yml", p.file());
        assertTrue(p.line() >= 3, p.format());
        assertTrue(p.message().startsWith("invalid YAML: "), p.message());
    }

    @Test
    void erbFailuresBecomeProblemsWithFileAndLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.load("erb"));
        ConfigProblem p = e.problems().get(0);
        assertEquals("deploy.yml", p.file());
        assertTrue(p.line() >= 1);
        assertTrue(p.message().startsWith("ERB: "), p.message());
    }

    @Test
    void unsafeYamlTagsAreRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("deploy.yml"), "service: !!javax.script.ScriptEngineManager [x]\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ConfigLoader(dir, Map.of()).configFile("deploy.yml").version("v").load());
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals(1, e.problems().get(0).line());
    }

    @Test
    void noGitRepositoryAndNoVersionIsAnError(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), Files.readString(
                Fixtures.dir("ordering").resolve("deploy.yml")));
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(dir, Map.of()).load());
        assertTrue(e.problems().get(0).message().startsWith(
                "Can't use commit hash as version, no git repository found in " + dir.toAbsolutePath()),
                e.getMessage());
    }

    @Test
    void versionMayBeOptional(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/deploy.yml"), Files.readString(
                Fixtures.dir("ordering").resolve("deploy.yml")));
        assertEquals(null, new ConfigLoader(dir, Map.of()).versionOptional(true).load().version());
    }
}
