package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.flows.rollout.PreviousVersion;
import org.kamal4j.ssh.ExecResult;

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

    private static final String HISTORY = "@@kamal-history ";

    /**
     * Answers {@code host}'s one version-history command ({@link PreviousVersion}) as its shell would: per role
     * asked for, its marker, the current version, the versions marker and {@code newestFirst}.
     */
    private static void history(FlowFixture f, String host, String current, String newestFirst) {
        f.fake.on(host, c -> c.contains(HISTORY)).answer(e -> {
            StringBuilder out = new StringBuilder();
            Matcher m = Pattern.compile(HISTORY + "([a-z0-9_-]+)").matcher(e.command());
            while (m.find()) {
                if (!m.group(1).equals("versions")) {
                    out.append(HISTORY).append(m.group(1)).append('\n').append(current).append('\n')
                            .append(HISTORY).append("versions\n").append(newestFirst);
                }
            }
            return new ExecResult(0, out.toString(), "");
        });
    }

    @Test
    void rollbackWithoutAVersionBootsTheVersionEveryHostRanBeforeTheCurrentOne() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            // newest first: a renamed copy of the current version is not a version the host ran before
            history(f, "*", "abc123", "abc123\nabc123_replaced_0011\ndef456\nold1\n");
            f.runs("*", "abc123", "abc123", "beef"); // the probe finds a def456 container on every host

            new RollbackFlow(f.context(f.selection(), "rollback")).run(null);

            assertTrue(FlowFixture.indexOf(f.fake.commands("1.1.1.1"), "--name app-web-def456 ") >= 0);
            assertTrue(FlowFixture.indexOf(f.fake.commands("1.1.1.2"), "--name app-workers-def456 ") >= 0);
            assertTrue(f.output.text().contains("Rolling back to def456, the version 2 host role(s) ran before the "
                    + "current one (web abc123, workers abc123)"), f.output.text());
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void rollbackWithoutAVersionRefusesWhenTheHostsDisagreeListingWhatEachHas() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            history(f, "1.1.1.1", "abc123", "abc123\ndef456\n");
            history(f, "1.1.1.2", "abc123", "abc123\n");

            FlowException e = assertThrows(FlowException.class,
                    () -> new RollbackFlow(f.context(f.selection(), "rollback")).run(" "));

            assertEquals("The hosts do not agree on the version they ran before; pass the version with "
                    + "-Dkamal.version=<version> (list the containers with `mvn kamal:app-containers`)", e.heading());
            assertEquals("  1.1.1.1 web: runs abc123, before it def456\n"
                    + "  1.1.1.2 workers: runs abc123, before it no other version", e.details());
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertTrue(f.lockReleased());
        }
    }
}
