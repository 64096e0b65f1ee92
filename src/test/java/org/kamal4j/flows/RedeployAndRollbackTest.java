package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;

class RedeployAndRollbackTest {

    @Test
    void redeployOfTheRunningVersionRenamesItAndStopsTheRenamedOne() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            // abc123 runs and is current; a container named app-web-abc123 exists (the clash)
            f.runs("1.1.1.1", "abc123", "abc123", "f00d");

            DeployFlow.redeploy(f.context()).run(true);

            List<String> web = f.fake.commands("1.1.1.1");
            int rename = FlowFixture.indexOf(web, "Renaming container abc123 to abc123_replaced_0123456789abcdef'"
                    + " >> .kamal/app-audit.log && docker rename app-web-abc123 app-web-abc123_replaced_0123456789abcdef");
            int run = FlowFixture.indexOf(web, "docker run --detach");
            int stop = FlowFixture.indexOf(web,
                    "name=^app-web-abc123_replaced_0123456789abcdef$' --quiet | xargs docker stop");
            assertTrue(rename >= 0 && rename < run && run < stop, String.join("\n", web));
            assertFalse(f.fake.ran("1.1.1.1", "Pruned"), "redeploy does not prune");
        }
    }

    @Test
    void rollbackToAnUnavailableVersionFailsNamingTheHostsThatLackIt() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            // a container of def456 exists for web on 1.1.1.1, none for workers on 1.1.1.2
            f.runs("1.1.1.1", "abc123", "abc123", "beef");

            FlowException e = assertThrows(FlowException.class,
                    () -> new RollbackFlow(f.context(f.selection(), "rollback")).run("def456"));

            assertEquals("The app version 'def456' is not available as a container on 1 host role(s); list the "
                    + "containers with `mvn kamal:server-exec -Dkamal.command=\"docker container ls --all\"`",
                    e.heading());
            assertEquals("  workers on 1.1.1.2", e.details());
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void rollbackBootsTheOldVersionAgainAndTagsItLatest() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            // abc123 is current everywhere; every role has a container of def456
            f.runs("*", "abc123", "abc123", "beef");

            new RollbackFlow(f.context(f.selection(), "rollback")).run("def456");

            List<String> web = f.fake.commands("1.1.1.1");
            assertTrue(FlowFixture.indexOf(web, "docker rename app-web-def456 app-web-def456_replaced_") >= 0);
            assertTrue(FlowFixture.indexOf(web, "--name app-web-def456 ") >= 0);
            assertTrue(FlowFixture.indexOf(web, "name=^app-web-abc123$' --quiet | xargs docker stop") >= 0);
            assertTrue(f.fake.ran("1.1.1.2",
                    "docker tag registry.example/app:def456 registry.example/app:latest"));
            assertFalse(f.fake.ran("1.1.1.1", "docker pull"), "rollback pulls nothing");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void rollbackNeedsAVersion() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowException e = assertThrows(FlowException.class,
                    () -> new RollbackFlow(f.context()).run(" "));
            assertEquals("No version to roll back to; pass it with -Dkamal.version=<version>", e.getMessage());
            assertTrue(f.fake.execs().isEmpty());
        }
    }
}
