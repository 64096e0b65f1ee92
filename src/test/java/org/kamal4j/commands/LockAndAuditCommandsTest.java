package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kamal4j.commands.RemoteArgv.assertSameArgv;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockAndAuditCommandsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-31T12:00:00.123Z"), ZoneOffset.UTC);
    private static final String BASE64 = "TG9ja2VkIGJ5OiBEZXYgRWxvcGVyIGF0IDIwMjUtMDEtMzFUMTI6MDA6MDBa\n"
            + "ClZlcnNpb246IGFiYzEyMwpNZXNzYWdlOiBBdXRvbWF0aWMgZGVwbG95IGxv\nY2s=\n";

    private final LockCommands lock = new LockCommands(Example.config(), CLOCK, "Dev Eloper");
    private final AuditCommands audit = new AuditCommands(Example.config(), CLOCK, "dev@example.com");

    @Test
    void lockDetailsAreThreeLinesEncodedInSixtyCharacterLines() {
        assertEquals("Locked by: Dev Eloper at 2025-01-31T12:00:00Z\nVersion: abc123\nMessage: Automatic deploy lock",
                lock.details(LockCommands.AUTOMATIC_MESSAGE, "abc123"));
        assertEquals(BASE64, lock.encodedDetails(LockCommands.AUTOMATIC_MESSAGE, "abc123"));
    }

    @Test
    void acquireStatusRelease() {
        Command acquire = lock.acquire(LockCommands.AUTOMATIC_MESSAGE, "abc123");
        assertEquals("mkdir .kamal/lock-app && echo '" + BASE64 + "' > .kamal/lock-app/details", acquire.toShell());
        assertSameArgv("mkdir .kamal/lock-app && echo \"" + BASE64 + "\" > .kamal/lock-app/details", acquire,
                "echo");
        assertEquals("mkdir -p .kamal && " + acquire.toShell(),
                lock.ensureRunDirectoryAndAcquire(LockCommands.AUTOMATIC_MESSAGE, "abc123").toShell());
        assertEquals("stat .kamal/lock-app > /dev/null && cat .kamal/lock-app/details | base64 -d",
                lock.status().toShell());
        assertEquals("rm .kamal/lock-app/details && rm -r .kamal/lock-app", lock.release().toShell());
        assertEquals("mkdir -p .kamal", lock.ensureRunDirectory().toShell());
    }

    @Test
    void lockWithDestination() {
        LockCommands staging = new LockCommands(Example.staging(), CLOCK, "Dev Eloper");
        assertEquals("rm .kamal/lock-app-staging/details && rm -r .kamal/lock-app-staging",
                staging.release().toShell());
    }

    @Test
    void auditRecordOfTheReference() {
        Command record = audit.record("Booted app version abc123", "web");
        assertEquals("mkdir -p .kamal && echo '[2025-01-31T12:00:00Z] [dev@example.com] [web] Booted app version abc123'"
                + " >> .kamal/app-audit.log", record.toShell());
        assertSameArgv("mkdir -p .kamal && echo \"[2025-01-31T12:00:00Z] [dev@example.com] [web] Booted app version"
                + " abc123\" >> .kamal/app-audit.log", record, "mkdir", "echo");
        assertEquals("[2025-01-31T12:00:00Z] [dev@example.com] Tagging registry.example/app:abc123 as the latest image",
                audit.line("Tagging registry.example/app:abc123 as the latest image", null));
    }

    @Test
    void auditLineWithDestinationAndCombinedDirectory() {
        AuditCommands staging = new AuditCommands(Example.staging(), CLOCK, "dev@example.com");
        assertEquals("mkdir -p .kamal .kamal/apps/app-staging/env/roles && echo"
                + " '[2025-01-31T12:00:00Z] [dev@example.com] [staging] [web] Booted app version abc123'"
                + " >> .kamal/app-staging-audit.log",
                staging.record("Booted app version abc123", "web", List.of(".kamal/apps/app-staging/env/roles"))
                        .toShell());
        assertEquals("tail -n 50 .kamal/app-staging-audit.log", staging.tail().toShell());
    }

    @Test
    void auditOfAUserCommandKeepsItLiteral() {
        Command record = audit.record("Executed cmd 'echo $HOME' on 1.1.1.1", null);
        assertEquals("mkdir -p .kamal && echo '[2025-01-31T12:00:00Z] [dev@example.com] Executed cmd '\\''echo $HOME'\\''"
                + " on 1.1.1.1' >> .kamal/app-audit.log", record.toShell());
        assertEquals("echo [[2025-01-31T12:00:00Z] [dev@example.com] Executed cmd 'echo $HOME' on"
                + " 1.1.1.1]\n", RemoteArgv.of(record.toShell(), "echo"));
    }
}
