package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.steps.BootReport;

/** Progress lines: a host is done when all its roles are; about one line per twentieth of the hosts, and failures. */
class ProgressTest {

    @Test
    void aHundredHostsInFourGroupsPrintAboutTwentyLinesAndEveryFailure() {
        List<String> hosts = IntStream.rangeClosed(1, 100).mapToObj(i -> "h" + i).toList();
        List<List<String>> groups = List.of(hosts.subList(0, 25), hosts.subList(25, 50), hosts.subList(50, 75),
                hosts.subList(75, 100));
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(groups, h -> h.equals("h1") ? List.of("web", "jobs") : List.of("web"),
                lines::add);

        progress.accept(row("h1", "web", "booted"));
        assertEquals(List.of(), lines, "h1 still boots jobs");
        progress.accept(row("h1", "jobs", "booted"));
        for (int i = 2; i <= 60; i++) {
            progress.accept(row("h" + i, "web", i == 37 || i == 52 ? "failed" : "booted"));
        }

        assertEquals("60/100 hosts done, 2 failed, group 3/4", progress.line());
        assertEquals(List.of("5/100 hosts done, 0 failed, group 1/4", "10/100 hosts done, 0 failed, group 1/4"),
                lines.subList(0, 2));
        assertEquals("37/100 hosts done, 1 failed, group 2/4", lines.get(7), lines.toString());
        assertEquals(14, lines.size(), lines.toString());
    }

    private static BootReport.Row row(String host, String role, String result) {
        return new BootReport.Row(host, role, "v1", "v2", result, Duration.ofSeconds(1));
    }
}
