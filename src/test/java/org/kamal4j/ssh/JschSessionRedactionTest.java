package org.kamal4j.ssh;

import com.jcraft.jsch.JSch;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JschSessionRedactionTest {

    /** What the listener was told of each command: host, display and exit status. */
    private final List<String> seen = new ArrayList<>();

    /** A session to web1 over a connection that was never made, telling {@link #seen} what it ran. */
    private JschSession unconnected() throws Exception {
        TransportListener listener = new TransportListener() {
            @Override
            public void commandRun(String host, String display, Duration took, int exitStatus) {
                seen.add(host + " " + display + " " + exitStatus);
            }
        };
        com.jcraft.jsch.Session down = new JSch().getSession("root", "127.0.0.1", 1);
        return new JschSession("web1", new PooledConnection(() -> down, 0), listener, 0);
    }

    private static void assertNoMessageInTheChainContains(Throwable e, String secret) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
        }
    }

    @Test
    void failureMessagesAndListenerSeeOnlyTheRedactedCommand() throws Exception {
        JschSession session = unconnected();
        Command login = Command.of("docker", "login", "-p", "s3cr3t!").withSecrets(Set.of("s3cr3t!"));

        TransportException e = assertThrows(TransportException.class, () -> session.exec(login));

        // a session that is not connected is said as a lost connection (the pool hands out connected ones)
        assertTrue(e.getMessage().startsWith("Lost the connection to web1 during docker: `docker login -p '[REDACTED]'`"),
                e.getMessage());
        assertNoMessageInTheChainContains(e, "s3cr3t!");
        assertEquals(List.of("web1 docker login -p '[REDACTED]' -1"), seen);
    }

    @Test
    void aSecretInsideASubshellIsRedactedInTheListenerAndInErrors() throws Exception {
        JschSession session = unconnected();
        Command login = Command.of("docker", "login", "-p", "it's-s3cr3t").withSecrets(Set.of("it's-s3cr3t"));
        Command wrapped = Command.subshell(login).and(Command.of("echo", "done"));

        TransportException e = assertThrows(TransportException.class, () -> session.exec(wrapped));

        assertTrue(e.getMessage().startsWith("Lost the connection to web1 during sh: `sh -c 'docker login -p "
                + "'\\''[REDACTED]'\\''' && echo done`"), e.getMessage());
        assertNoMessageInTheChainContains(e, "s3cr3t");
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).contains("s3cr3t"), seen.get(0));
        CommandFailedException failed = new CommandFailedException(wrapped,
                new ExecResult(1, "", "login with it's-s3cr3t denied"));
        assertTrue(failed.getMessage().contains("sh stderr: login with [REDACTED] denied"), failed.getMessage());
    }
}
