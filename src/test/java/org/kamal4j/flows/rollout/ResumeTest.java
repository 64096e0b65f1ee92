package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** A resume reads the newest deploy report and picks the hosts it did not finish; it refuses when nothing is left. */
class ResumeTest {

    @TempDir
    Path dir;

    private static final List<String> HOSTS = List.of("h1", "h2", "h3", "h4");

    @Test
    void theNewestReportsUnfinishedHostsAreResumedWithItsVersion() throws Exception {
        write("deploy", Instant.parse("2026-12-03T07:00:00Z"), "v1", List.of());
        write("redeploy", Instant.parse("2026-12-03T08:00:00Z"), "v2", List.of(
                row("h1", "booted"), row("h2", "failed"), row("h3", FleetRevert.REVERTED)));
        write("rollback", Instant.parse("2026-12-03T09:00:00Z"), "v0", List.of(row("h1", "failed")));

        Resume resume = Resume.fromLastReport(dir, "app");

        assertEquals("v2", resume.version());
        assertEquals(List.of("h2", "h3", "h4"), resume.hosts(), "failed, reverted and never reached");
        assertEquals("h2,h3,h4", resume.hostPatterns());
        assertTrue(resume.report().getFileName().toString().startsWith("redeploy-20261203-080000-000"),
                resume.report().toString());
    }

    @Test
    void aSuccessfulLastDeployAnotherServiceOrNoReportIsRefused() throws Exception {
        FlowException none = assertThrows(FlowException.class, () -> Resume.fromLastReport(dir, "app"));
        assertTrue(none.getMessage().startsWith("Nothing to resume: no deploy report in " + dir), none.getMessage());

        write("deploy", Instant.parse("2026-12-03T07:00:00Z"), "v3", HOSTS.stream().map(h -> row(h, "booted"))
                .toList());
        FlowException done = assertThrows(FlowException.class, () -> Resume.fromLastReport(dir, "app"));
        assertTrue(done.getMessage().startsWith("Nothing to resume: the last deploy of v3 ("), done.getMessage());

        FlowException other = assertThrows(FlowException.class, () -> Resume.fromLastReport(dir, "shop"));
        assertTrue(other.getMessage().contains("is of service 'app', not 'shop'"), other.getMessage());
    }

    private static BootReport.Row row(String host, String result) {
        return new BootReport.Row(host, "web", "v1", "v2", result, Duration.ofSeconds(3));
    }

    private void write(String goal, Instant at, String version, List<BootReport.Row> rows) throws Exception {
        boolean failed = rows.stream().anyMatch(r -> !r.result().equals("booted")) || rows.size() < HOSTS.size();
        new DeployReport(goal, "app", version, at, Duration.ofSeconds(30), false,
                failed ? new FlowException("boot failed") : null)
                .write(ReportFiles.timestamped(dir, goal, at), HOSTS, h -> List.of("web"), rows, Map.of());
        assertTrue(Files.exists(ReportFiles.timestamped(dir, goal, at)));
    }
}
