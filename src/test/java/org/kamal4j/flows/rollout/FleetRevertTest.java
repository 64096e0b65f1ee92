package org.kamal4j.flows.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.steps.BootReport;

/** Which rows a failed deploy switches back, and the command that finishes a failed revert by hand. */
class FleetRevertTest {

    private static BootReport.Row row(String host, String old, String result) {
        return new BootReport.Row(host, "web", old, "v2", result, Duration.ofSeconds(1));
    }

    @Test
    void onlyBootedRowsWithAnEarlierOtherVersionAreReverted() {
        BootReport report = new BootReport();
        report.add(row("h1", "v1", "booted"));
        report.add(row("h2", "v1", "failed"));
        report.add(row("h3", null, "booted"));
        report.add(row("h4", "v2_replaced_0a1b", "booted"));
        report.add(row("h5", "v1", "halted"));
        assertEquals(List.of("h1"), FleetRevert.revertable(report).stream().map(BootReport.Row::host).toList());
    }

    @Test
    void theFixCommandIsARollbackOfThatHostAndRole() {
        assertEquals("mvn kamal:rollback -Dkamal.version=v1 -Dkamal.hosts=h1 -Dkamal.roles=web",
                FleetRevert.fixCommand(row("h1", "v1", "booted")));
    }

    @Test
    void replaceKeepsTheRowsPlace() {
        BootReport report = new BootReport();
        BootReport.Row first = row("h1", "v1", "booted");
        report.add(first);
        report.add(row("h2", "v1", "booted"));
        report.replace(first, row("h1", "v1", FleetRevert.REVERTED));
        assertEquals(List.of(FleetRevert.REVERTED, "booted"), report.rows().stream().map(BootReport.Row::result)
                .toList());
    }
}
