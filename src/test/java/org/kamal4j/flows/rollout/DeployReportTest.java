package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kamal4j.FlowException;
import org.kamal4j.flows.steps.BootReport;
import org.yaml.snakeyaml.Yaml;

/** The JSON report is read back (JSON is YAML, so SnakeYAML parses it) with every host's result and cause. */
class DeployReportTest {

    @TempDir
    Path dir;

    @Test
    void aFailedDeployReadsBackWithEachHostsResultAndCause() throws Exception {
        DeployReport report = new DeployReport("deploy", "app \"quoted\"", "v2", Instant.parse("2026-12-03T07:00:00Z"),
                Duration.ofSeconds(42), true, new FlowException("Hook `pre-app-boot` failed:\nexit 1"));
        Path file = dir.resolve("target/kamal/deploy-report.json");
        report.write(file, OneFailedDeploy.HOSTS, OneFailedDeploy::roles, OneFailedDeploy.ROWS,
                Map.of("web-2.example", "container is unhealthy\ttab"));

        Map<String, Object> json = new Yaml().load(Files.readString(file));
        assertEquals("deploy", json.get("goal"));
        assertEquals("app \"quoted\"", json.get("service"));
        assertEquals("failed", json.get("result"));
        assertEquals(true, json.get("revert"));
        assertEquals("Hook `pre-app-boot` failed:\nexit 1", json.get("error"));
        List<Map<String, Object>> hosts = list(json.get("hosts"));
        assertEquals(3, hosts.size());

        Map<String, Object> h1 = list(hosts.get(0).get("roles")).get(0);
        assertEquals("web-1.example", hosts.get(0).get("host"));
        assertEquals("reverted", hosts.get(0).get("result"));
        assertEquals("web", h1.get("role"));
        assertEquals("v1", h1.get("from"));
        assertEquals("v2", h1.get("to"));
        assertNull(h1.get("cause"));
        assertEquals(12.3, ((Number) h1.get("seconds")).doubleValue(), 0.001);

        assertEquals("failed", hosts.get(1).get("result"));
        assertEquals("container is unhealthy\ttab", list(hosts.get(1).get("roles")).get(0).get("cause"));

        Map<String, Object> h3 = list(hosts.get(2).get("roles")).get(0);
        assertEquals("skipped", hosts.get(2).get("result"));
        assertNull(h3.get("from"));
        assertEquals("not reached: Hook `pre-app-boot` failed: exit 1", h3.get("cause"));
    }

    @Test
    void aSuccessfulDeployHasNoErrorAndAHostsWorstRoleDecidesItsResult() throws Exception {
        List<BootReport.Row> rows = List.of(
                new BootReport.Row("h1", "web", "v1", "v2", "booted", Duration.ofSeconds(5)),
                new BootReport.Row("h1", "jobs", "v1", "v2", "booted", Duration.ofSeconds(7)));
        String text = new DeployReport("redeploy", "app", "v2", Instant.EPOCH, Duration.ofSeconds(9), false, null)
                .json(List.of("h1", "h2"), h -> h.equals("h1") ? List.of("web", "jobs") : List.of("web"), rows,
                        Map.of());
        Map<String, Object> json = new Yaml().load(text);
        assertEquals("success", json.get("result"));
        assertNull(json.get("error"));
        List<Map<String, Object>> hosts = list(json.get("hosts"));
        assertEquals("deployed", hosts.get(0).get("result"));
        assertEquals(7.0, ((Number) hosts.get(0).get("seconds")).doubleValue(), 0.001);
        assertEquals(2, list(hosts.get(0).get("roles")).size());
        assertEquals("skipped", hosts.get(1).get("result"), "a host without a row was not reached");
        assertTrue(text.startsWith("{\n  \"goal\": \"redeploy\""), text);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
