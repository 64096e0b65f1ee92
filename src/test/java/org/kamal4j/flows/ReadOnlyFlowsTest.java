package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyFlowsTest {

    @Test
    void detailsListsEachRoleAndAccessoryUnderItsHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.startsWith("docker ps --filter label=service=app --filter label=destination= "
                    + "--filter label=role=web")).output("CONTAINER ID  NAMES\nf00d  app-web-abc123\n");

            new DetailsFlow(f.context()).run();

            assertTrue(f.output.lines().contains("INFO [1.1.1.1] f00d  app-web-abc123"), f.output.text());
            assertEquals(List.of("docker ps --filter label=service=app-db"), f.fake.commands("1.1.1.3"));
            assertFalse(f.fake.ran("1.1.1.1", "lock"), "read-only: no lock");
        }
    }

    @Test
    void appLogsDefaultsToTheLast100LinesAndSaysNothingFoundOnFailure() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.2", c -> c.contains("docker logs")).fail(1, "", "");

            new AppLogsFlow(f.context()).run(null, null, null);

            assertTrue(f.fake.commands("1.1.1.1").get(0).endsWith(
                    "| head -1 | xargs docker logs --timestamps --tail 100 2>&1"), f.fake.commands("1.1.1.1").get(0));
            assertTrue(f.output.lines().contains("INFO [1.1.1.2] Nothing found"));
        }
    }

    @Test
    void appLogsWithSinceAndGrep() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            new AppLogsFlow(f.context()).run(null, "10m", "ERROR");

            assertTrue(f.fake.commands("1.1.1.1").get(0).endsWith(
                    "xargs docker logs --timestamps --since 10m 2>&1 | grep ERROR"), f.fake.commands("1.1.1.1").get(0));
        }
    }

    @Test
    void serverExecRunsOnEveryHostWithAnAuditRecord() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.equals("uptime | cut -c1-8")).output(" 12:00:0\n");

            new ServerExecFlow(f.context(f.selection(), "server")).run("uptime | cut -c1-8");

            for (String host : List.of("1.1.1.1", "1.1.1.2", "1.1.1.3")) {
                assertEquals(List.of("mkdir -p .kamal && echo '[2025-01-31T12:00:00Z] [dev@example.com] Executed cmd "
                        + "'\\''uptime | cut -c1-8'\\'' on " + host + "' >> .kamal/app-audit.log", "uptime | cut -c1-8"),
                        f.fake.commands(host));
                assertTrue(f.output.lines().contains("INFO [" + host + "]  12:00:0"), f.output.text());
            }
        }
    }
}
