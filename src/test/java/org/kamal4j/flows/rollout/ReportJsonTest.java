package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.flows.local.CountingTransport;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.json.Json;

/** The report's JSON (docs/report.md) read back by the plugin's own reader: every field of docs/report.md, escapes included. */
class ReportJsonTest {

    @Test
    void aReportReadsBackWithItsStepsCommandCountsAndEscapedText() {
        Instant t0 = Instant.parse("2026-12-03T07:00:00Z");
        List<CountingTransport.Span> steps = List.of(
                new CountingTransport.Span("pull", t0.plusSeconds(1), t0.plusSeconds(4), true),
                new CountingTransport.Span("health", t0.plusSeconds(5), t0.plusSeconds(9), false));
        String text = new DeployReport("deploy", "app", "v2", t0, Duration.ofSeconds(12), true,
                new FlowException("Hook \"x\" failed:\n\tback\\slash \u0001"))
                .facts(h -> h.equals("h1") ? new DeployReport.HostFacts(17, steps) : DeployReport.HostFacts.NONE)
                .json(List.of("h1", "h2"), h -> List.of("web"), List.of(new BootReport.Row("h1", "web", "v1", "v2",
                        "failed", Duration.ofMillis(8_250))), Map.of("h1", "unhealthy"));

        Map<String, Object> json = map(Json.parse(text));

        assertEquals("2026-12-03T07:00:12Z", json.get("endedAt"));
        assertEquals(12.0, json.get("seconds"));
        assertEquals(true, json.get("revert"));
        assertEquals("Hook \"x\" failed:\n\tback\\slash \u0001", json.get("error"));
        List<Object> hosts = list(json.get("hosts"));
        Map<String, Object> h1 = map(hosts.get(0));
        assertEquals(17.0, h1.get("remoteCommands"));
        Map<String, Object> health = map(list(h1.get("steps")).get(1));
        assertEquals(Map.of("step", "health", "start", "2026-12-03T07:00:05Z", "end", "2026-12-03T07:00:09Z",
                "ok", false), health);
        Map<String, Object> web = map(list(h1.get("roles")).get(0));
        assertEquals("failed", web.get("result"));
        assertEquals("unhealthy", web.get("cause"));
        assertEquals(8.3, web.get("seconds"));
        Map<String, Object> h2 = map(hosts.get(1));
        assertEquals(List.of(), h2.get("steps"));
        assertNull(map(list(h2.get("roles")).get(0)).get("from"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
