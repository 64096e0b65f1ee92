package org.kamal4j.flows.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.flows.FlowFixture;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.CommandFailedException;

class ReadinessTest {

    @Test
    void pollsWithGrowingPausesUntilHealthy() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("healthy\n");
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).output("starting\n").times(3);
            FlowContext ctx = f.context();

            new Readiness(ctx).await(ctx.transport().session("1.1.1.2"),
                    new AppCommands(f.config, f.config.role("workers")), "abc123", "1.1.1.2");

            assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)), f.sleeps);
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
            assertEquals(Duration.ofSeconds(30), f.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
        }
    }

    @Test
    void aFailingStatusCommandFailsAtOnce() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("*", c -> c.contains(FlowFixture.HEALTH)).fail(1, "", "No such object");
            FlowContext ctx = f.context();

            assertThrows(CommandFailedException.class, () -> new Readiness(ctx).await(
                    ctx.transport().session("1.1.1.2"), new AppCommands(f.config, f.config.role("workers")),
                    "abc123", "1.1.1.2"));
            assertEquals(List.of(), f.sleeps);
        }
    }
}
