package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.runner.MultiHostException;

/** kamal:audit: one read-only tail per selected host, printed under the host; no lock. */
class AuditFlowTest {

    private static final String TAIL = "tail -n 50 .kamal/app-audit.log";

    @Test
    void tailsTheAuditLogOnEveryHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.2", c -> c.equals(TAIL)).output("[2025-01-31T12:00:00Z] [dev] [web] Booted app\n");

            new AuditFlow(f.context(f.selection(), "audit")).run();

            for (String host : f.fake.hosts()) {
                assertEquals(List.of(TAIL), f.fake.commands(host), host);
            }
            assertTrue(f.output.lines().contains("INFO [1.1.1.2] App Host: 1.1.1.2"), f.output.lines().toString());
            assertTrue(f.output.text().contains("[1.1.1.2] [2025-01-31T12:00:00Z] [dev] [web] Booted app"),
                    f.output.text());
        }
    }

    @Test
    void aHostWithoutAnAuditLogFailsNamingIt() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.3", c -> c.equals(TAIL)).fail(1, "", "tail: cannot open '.kamal/app-audit.log'");

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> new AuditFlow(f.context(f.selection(), "audit")).run());
            assertTrue((e.heading() + e.details()).contains("1.1.1.3"), e.heading() + e.details());
        }
    }
}
