package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;
import org.kamal4j.flows.context.LockWait;

/** {@code -Dkamal.lockWait}: waiting for another deploy's automatic lock, as Kamal's {@code --lock-wait} does. */
class LockWaitTest {

    private static final String HELD = "mkdir: cannot create directory '.kamal/lock-app': File exists";
    private static final String AUTOMATIC = "Locked by: Bob at 2025-01-31T11:59:00Z\nVersion: 0ld\n"
            + "Message: Automatic deploy lock\n";

    @Test
    void aDeployWaitsForAnAutomaticLockAndProceedsOnceItIsReleased() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.lockWait = new LockWait(true, 60, 15);
            f.fake.on("1.1.1.1", c -> c.contains("mkdir .kamal/lock-app")).fail(1, "", HELD).times(2);
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app")).output(AUTOMATIC);

            DeployFlow.deploy(f.context()).run(true);

            assertTrue(f.fake.ran("1.1.1.1", "docker run"), "the deploy went on once the lock was free");
            // the two lock waits come first (later sleeps are the boot's readiness delay)
            assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15)), f.sleeps.subList(0, 2));
            String out = f.output.text();
            assertTrue(out.contains("Acquiring the deploy lock (waiting up to 60s)..."), out);
            assertEquals(1, count(out, "Deploy lock is held by:"), "the holder is shown once: " + out);
            assertTrue(out.contains("Retrying in 15s (60s remaining)...") && out.contains("(45s remaining)"), out);
        }
    }

    @Test
    void theWaitEndsAtTheTimeoutNamingTheHolder() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.lockWait = new LockWait(true, 20, 15);
            f.fake.on("1.1.1.1", c -> c.contains("mkdir .kamal/lock-app")).fail(1, "", HELD);
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app")).output(AUTOMATIC);

            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().startsWith("Timed out waiting for the deploy lock on 1.1.1.1"), e.getMessage());
            assertTrue(e.getMessage().contains("Locked by: Bob"), e.getMessage());
            assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(5)), f.sleeps, "min(interval, remaining)");
            assertTrue(f.output.text().contains("Timed out after 20s waiting for the deploy lock"));
        }
    }

    @Test
    void aLockReleasedBetweenTheAttemptAndItsStatusIsTakenAtOnce() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.lockWait = new LockWait(true, 60, 15);
            f.fake.on("1.1.1.1", c -> c.contains("mkdir .kamal/lock-app")).fail(1, "", HELD).times(1);
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app")).fail(1, "", "No such file").times(1);

            DeployFlow.deploy(f.context()).run(true);

            assertTrue(f.fake.ran("1.1.1.1", "docker run"));
            assertFalse(f.output.text().contains("Retrying in"), "no wait: " + f.output.text());
        }
    }

    @Test
    void aManualLockIsNotWaitedFor() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.lockWait = new LockWait(true, 900, 15);
            f.fake.on("1.1.1.1", c -> c.contains("mkdir .kamal/lock-app")).fail(1, "", HELD);
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app"))
                    .output("Locked by: Alice\nVersion: 0ld\nMessage: DB migration\n");

            FlowException e = assertThrows(FlowException.class, () -> DeployFlow.deploy(f.context()).run(true));

            assertTrue(e.getMessage().startsWith("Deploy lock held manually on 1.1.1.1, not waiting"), e.getMessage());
            assertEquals(List.of(), f.sleeps);
        }
    }

    private static int count(String text, String fragment) {
        return text.split(Pattern.quote(fragment), -1).length - 1;
    }
}
