package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;

class LockFlowTest {

    @Test
    void statusPrintsTheHoldersDetails() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.startsWith("stat .kamal/lock-app")).output("Locked by: Alice\nMessage: x\n");

            assertEquals("Locked by: Alice\nMessage: x", new LockFlow(f.context()).status());
            assertTrue(f.output.lines().contains("INFO Locked by: Alice"));
            assertEquals(List.of("stat .kamal/lock-app > /dev/null && cat .kamal/lock-app/details | base64 -d"),
                    f.fake.commands("1.1.1.1"));
        }
    }

    @Test
    void statusWithoutALock() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.1", c -> c.startsWith("stat")).fail(1, "", "stat: No such file or directory");

            assertNull(new LockFlow(f.context()).status());
            assertTrue(f.output.lines().contains("INFO There is no deploy lock"));
        }
    }

    @Test
    void acquireKeepsTheLockAfterTheProcessEnds() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            new LockFlow(f.context()).acquire("DB migration");

            assertTrue(f.fake.ran("1.1.1.1", "mkdir .kamal/lock-app"));
            assertTrue(f.fake.ran("1.1.1.2", "mkdir -p .kamal"));
            assertTrue(f.output.lines().contains("INFO Acquired the deploy lock"));
        }
    }

    @Test
    void acquireNeedsAMessage() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            FlowException e = assertThrows(FlowException.class, () -> new LockFlow(f.context()).acquire(""));
            assertEquals("A lock needs a message: pass it with -Dkamal.message=\"...\"", e.getMessage());
        }
    }

    @Test
    void release() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            new LockFlow(f.context()).release();

            assertEquals(List.of("rm .kamal/lock-app/details && rm -r .kamal/lock-app"), f.fake.commands("1.1.1.1"));
            assertTrue(f.output.lines().contains("INFO Released the deploy lock"));
        }
    }
}
