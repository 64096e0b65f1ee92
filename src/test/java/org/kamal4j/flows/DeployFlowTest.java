package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.ssh.TransportException;

class DeployFlowTest {

    private static final List<String> HOSTS = List.of("1.1.1.1", "1.1.1.2", "1.1.1.3");

    @Test
    void deploysTheRunningExampleWithExactlyTheseCommandsPerHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(false);

            for (String host : HOSTS) {
                assertEquals(expected("deploy-" + host), f.fake.commands(host), "commands on " + host);
            }
            assertEquals(List.of("docker login registry.example -u deployer --password-stdin",
                    "git rev-parse --show-toplevel 2>/dev/null",
                    "docker build -t registry.example/app:abc123 -t registry.example/app:latest --label service=app "
                            + "--file Dockerfile .",
                    "docker push registry.example/app:abc123 && docker push registry.example/app:latest"), f.local);
        }
    }

    @Test
    void connectsToEverySelectedHostAheadOfTheLockSoHandshakesOverlap() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(true);

            assertEquals(List.of("after command 0: " + String.join(",", HOSTS)), f.fake.connectAheadCalls());
            assertTrue(f.fake.commands("1.1.1.1").get(0).contains("mkdir .kamal/lock-app"), "then the lock");
        }
    }

    @Test
    void uploadsEachRoleEnvFileWithMode0600() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(true);

            // carried by the command that starts the container (one round trip less), as an owner-only file
            FakeTransport.Upload web = f.fake.files("1.1.1.1").get(0);
            assertEquals(".kamal/apps/app/env/roles/web.env", web.path());
            assertEquals(0600, web.mode());
            assertEquals("DB_PASSWORD=dbpw\n", web.text());
            assertEquals(".kamal/apps/app/env/roles/workers.env", f.fake.files("1.1.1.2").get(0).path());
            assertEquals(List.of(), f.fake.uploads("1.1.1.1"), "no separate upload");
            assertTrue(f.local.isEmpty(), "skipPush builds nothing locally");
        }
    }

    @Test
    void startsTheNewContainerBeforeStoppingTheOldOne() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(true);

            List<String> web = f.fake.commands("1.1.1.1");
            int run = FlowFixture.indexOf(web, "docker run --detach");
            int ready = FlowFixture.indexOf(web, FlowFixture.HEALTH);
            int stopOld = FlowFixture.indexOf(web, "name=^app-web-def456$' --quiet | xargs docker stop");
            // the run and the first wait for readiness are one command: the run comes first in it
            assertTrue(run >= 0 && run == ready && ready < stopOld, web.toString());
            assertTrue(web.get(run).indexOf("docker run --detach") < web.get(run).indexOf(FlowFixture.HEALTH));
        }
    }

    @Test
    void primaryRoleFailureStopsOnlyTheNewContainerAndShowsItsLogs() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.contains(FlowFixture.HEALTH)).output("exited\n");
            f.fake.on("1.1.1.1", c -> c.contains("xargs docker logs --tail 20")).output(
                    "Error: DB_HOST unreachable\nexiting\n");
            f.fake.on("1.1.1.1", c -> c.contains("{{range .State.Health.Log}}")).output(
                    "exit 1: wget: server returned error: HTTP/1.1 404 Not Found\n");

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            String message = e.getMessage();
            assertTrue(message.contains("web on 1.1.1.1"), message);
            assertTrue(message.contains("workers on 1.1.1.2"), message);
            assertTrue(message.contains("container not ready after 30 seconds (exited)"), message);
            assertTrue(message.contains("Last 20 log lines of app-web-abc123:\n    Error: DB_HOST unreachable"), message);
            assertTrue(message.contains("Health check output of app-web-abc123:\n    exit 1: wget: server returned "
                    + "error: HTTP/1.1 404 Not Found"), message);
            FailedWebBoot.assertTheOldWebContainerKeptServing(f);
            assertFalse(f.fake.ran("1.1.1.2", "docker run"), "workers never started");
            assertFalse(f.fake.ran("1.1.1.1", "Pruned"), "no prune after a failed boot");
        }
    }

    @Test
    void anUnreachableHostFailsThePullNamingOnlyThatHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.unreachable("1.1.1.2", "Connection refused");

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertEquals(1, e.failures().size());
            assertEquals("1.1.1.2", e.failures().get(0).label());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
            assertTrue(f.fake.ran("1.1.1.1", "docker pull registry.example/app:abc123"), "other hosts completed");
            assertTrue(f.fake.ran("1.1.1.1", "mkdir .kamal/lock-app"), "the lock comes before the pull");
            assertTrue(f.lockReleased(), "and is released after the failed pull");
            assertFalse(f.fake.ran("1.1.1.1", "docker run"), "nothing booted");
        }
    }

    @Test
    void aHostLostDuringTheBootFailsAloneAndTheLockIsReleased() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.2", c -> c.contains("docker run --detach")).raise(new TransportException(
                    "Connection to 1.1.1.2 lost"));

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(true));

            assertEquals(1, e.failures().size());
            assertEquals("workers on 1.1.1.2", e.failures().get(0).label());
            assertTrue(e.getMessage().contains("Connection to 1.1.1.2 lost"), e.getMessage());
            assertTrue(f.fake.ran("1.1.1.1", "name=^app-web-def456$' --quiet | xargs docker stop"),
                    "web completed on 1.1.1.1");
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void aHeldLockRefusesTheDeployWithItsHoldersDetails() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.contains("mkdir .kamal/lock-app")).fail(1, "",
                    "mkdir: cannot create directory '.kamal/lock-app': File exists");
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app")).output(
                    "Locked by: Alice at 2025-01-30T09:00:00Z\nVersion: 0ld\nMessage: DB migration\n");

            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.heading().startsWith("Deploy lock found on 1.1.1.1"), e.heading());
            assertTrue(e.heading().contains("so nothing was changed"), e.heading());
            assertTrue(e.details().contains("Message: DB migration"), e.details());
            assertFalse(f.fake.ran("1.1.1.1", "docker pull"), "the lock comes before the pull");
            assertFalse(f.fake.ran("1.1.1.2", "docker pull"), "the lock comes before the pull");
            assertFalse(f.fake.ran("1.1.1.1", "docker run"));
            assertFalse(f.fake.ran("1.1.1.1", "rm .kamal/lock-app/details"), "someone else's lock is kept");
        }
    }

    @Test
    void anInheritedLockIsNeitherTakenNorReleased() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.environment.put("KAMAL_LOCK", "true");

            DeployFlow.deploy(f.context()).run(true);

            assertFalse(f.fake.ran("1.1.1.1", "lock-app"));
            assertTrue(f.fake.ran("1.1.1.1", "docker run"));
        }
    }

    @Test
    void staysWithinTenRoundTripsPerHost() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowContext ctx = f.context();
            DeployFlow.deploy(ctx).run(false);

            for (String host : HOSTS) {
                int trips = ctx.transport().commands(host) + ctx.transport().uploads(host);
                assertEquals(f.fake.commands(host).size(), ctx.transport().commands(host));
                assertTrue(trips <= 10, host + " used " + trips + " round trips");
            }
            assertTrue(f.output.text().contains("DEBUG [1.1.1.1] 7 remote commands, 0 uploads"), f.output.text());
        }
    }

    @Test
    void noSecretInAnyCommandDisplayOrOutput() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.contains(FlowFixture.HEALTH)).output("exited\n");
            f.fake.on("1.1.1.1", c -> c.contains("docker logs")).output("connecting with password dbpw\n");

            MultiHostException e = assertThrows(MultiHostException.class,
                    () -> DeployFlow.deploy(f.context()).run(false));

            String everything = String.join("\n", f.fake.execs().stream().map(x -> x.raw().display()).toList())
                    + String.join("\n", f.fake.execs().stream().map(FakeTransport.Exec::command).toList())
                    + f.output.text() + String.join("\n", f.local) + e.getMessage();
            for (String secret : List.of("s3cret", "dbpw", "rootpw")) {
                assertFalse(everything.contains(secret), secret + " leaked");
            }
            assertTrue(e.getMessage().contains("connecting with password [REDACTED]"), e.getMessage());
        }
    }

    @Test
    void printsASummaryTable() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            DeployFlow.deploy(f.context()).run(true);

            List<String> lines = f.output.lines();
            int header = lines.indexOf("INFO HOST     ROLE     OLD     NEW     RESULT  SECONDS");
            assertTrue(header >= 0, f.output.text());
            assertTrue(lines.get(header + 1).matches("INFO 1\\.1\\.1\\.1  web      def456  abc123  booted  \\d+\\.\\d"),
                    lines.get(header + 1));
            assertTrue(lines.get(header + 2).startsWith("INFO 1.1.1.2  workers  def456  abc123  booted"));
        }
    }

    static List<String> expected(String name) throws IOException {
        try (InputStream in = DeployFlowTest.class.getResourceAsStream("/flows/expected/" + name + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.asList(text.strip().split("\n\n"));
        }
    }
}
