package org.kamal4j.flows.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.CommandFailedException;

/**
 * The wait for readiness runs on the host in calls bounded by {@link Readiness#CHUNK_SECONDS} (the host polls
 * every 0.1 s: AwaitReadyShellTest); the client only chains the calls until {@code deploy_timeout}, without idle
 * sleeps of its own.
 */
class ReadinessTest {

    @Test
    void waitsOnTheHostInBoundedCallsUntilHealthy() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("healthy\n");
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("starting\n").times(2);
            FlowContext ctx = f.context();

            new Readiness(ctx).await(ctx.transport().session("1.1.1.2"),
                    new AppCommands(f.config, f.config.role("workers")), "abc123", "1.1.1.2");

            List<String> waits = f.fake.commands("1.1.1.2");
            assertEquals(3, waits.size(), waits.toString());
            assertTrue(waits.stream().allMatch(c -> c.contains("+ 10 ))") && c.contains("sleep 0.1")), waits.toString());
            assertEquals(List.of(), f.sleeps, "no idle waiting on the client");
            assertTrue(f.output.text().contains("Container is healthy!"), f.output.text());
        }
    }

    @Test
    void givesUpAtTheDeployTimeoutWithTheLastStatus() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("restarting\n");
            FlowContext ctx = f.context();

            FlowException e = assertThrows(FlowException.class, () -> new Readiness(ctx).await(
                    ctx.transport().session("1.1.1.2"), new AppCommands(f.config, f.config.role("workers")),
                    "abc123", "1.1.1.2"));

            assertEquals("container not ready after 30 seconds (restarting)", e.getMessage());
            List<String> waits = f.fake.commands("1.1.1.2");
            assertEquals(3, waits.size(), "30 s of deploy_timeout in calls of at most 10 s: " + waits);
            assertEquals(List.of(), f.sleeps);
        }
    }

    @Test
    void aFailingStatusCommandFailsAtOnce() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).fail(1, "",
                    FlowFixture.failedStep("Error: No such object", "health"));
            FlowContext ctx = f.context();

            CommandFailedException e = assertThrows(CommandFailedException.class, () -> new Readiness(ctx).await(
                    ctx.transport().session("1.1.1.2"), new AppCommands(f.config, f.config.role("workers")),
                    "abc123", "1.1.1.2"));
            assertTrue(e.getMessage().startsWith("health exit status: 1\nhealth stdout: Nothing written\n"
                    + "health stderr: Error: No such object"), e.getMessage());
            assertEquals(1, f.fake.commands("1.1.1.2").size());
            assertEquals(List.of(), f.sleeps);
        }
    }
}
