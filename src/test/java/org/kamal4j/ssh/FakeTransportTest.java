package org.kamal4j.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.kamal4j.commands.Command;
import org.junit.jupiter.api.Test;

class FakeTransportTest {

    private final FakeTransport fake = new FakeTransport();

    @Test
    void recordsCommandsInOrderWithHostLaneAndRenderedText() throws Exception {
        fake.session("1.1.1.1").exec(Command.of("docker", "ps"));
        fake.session("1.1.1.2", "web").exec(Command.of("echo", "it's"));

        List<FakeTransport.Exec> execs = fake.execs();
        assertEquals(List.of("1.1.1.1", "1.1.1.2"), execs.stream().map(FakeTransport.Exec::host).toList());
        assertEquals(List.of("", "web"), execs.stream().map(FakeTransport.Exec::lane).toList());
        assertEquals("echo 'it'\\''s'", execs.get(1).command());
        assertTrue(execs.get(0).seq() < execs.get(1).seq());
        assertTrue(execs.get(0).nanos() <= execs.get(1).nanos());
    }

    @Test
    void answersByTheLatestMatchingRuleAndDefaultsToSuccess() throws Exception {
        fake.on("*", cmd -> cmd.startsWith("docker")).output("all\n");
        fake.on("1.1.1.2", cmd -> cmd.contains("docker run")).fail(1, "", "boom");
        fake.on("1.1.1.?", cmd -> cmd.contains("inspect")).output("once").times(1);

        Session two = fake.session("1.1.1.2");
        assertEquals(new ExecResult(1, "", "boom"), two.exec(Command.of("docker", "run", "x")));
        assertEquals("all\n", two.run(Command.of("docker", "ps")));
        assertEquals("once", two.run(Command.of("docker", "inspect")));
        assertEquals("all\n", two.run(Command.of("docker", "inspect")));
        assertEquals(new ExecResult(0, "", ""), two.exec(Command.of("true")));
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> two.run(Command.of("docker", "run", "x")));
        assertEquals("docker exit status: 1\ndocker stdout: Nothing written\ndocker stderr: boom\n", e.getMessage());
    }

    @Test
    void failsChosenHostsOnCue() {
        TransportException broken = new TransportException("connection reset");
        fake.on("1.1.1.1", cmd -> true).raise(broken);
        fake.unreachable("1.1.1.[34]", "Connection refused");

        assertSame(broken, assertThrows(TransportException.class,
                () -> fake.session("1.1.1.1").exec(Command.of("true"))));
        assertEquals("Could not connect to 1.1.1.4: Connection refused",
                assertThrows(TransportException.class, () -> fake.session("1.1.1.4")).getMessage());
        assertEquals(0, fake.connections("1.1.1.4", ""));
    }

    @Test
    void delaysAnswers() throws Exception {
        fake.on("*", cmd -> true).delay(Duration.ofMillis(100));
        long start = System.nanoTime();
        fake.session("a").exec(Command.of("true"));
        assertTrue(System.nanoTime() - start >= 100_000_000L);
    }

    @Test
    void countsConnectionsPerHostAndLaneAndReusesSessions() throws Exception {
        assertSame(fake.session("a"), fake.session("a", Transport.DEFAULT_LANE));
        fake.session("a", "web");
        fake.session("a", "web");
        assertEquals(1, fake.connections("a", ""));
        assertEquals(1, fake.connections("a", "web"));
        fake.close();
        fake.session("a", "web");
        assertEquals(2, fake.connections("a", "web"));
        assertEquals(1, fake.closes());
    }

    @Test
    void recordsUploads() throws Exception {
        fake.session("a").upload("K=V\n".getBytes(StandardCharsets.UTF_8), ".kamal/apps/app/env/roles/web.env", 0600);
        FakeTransport.Upload u = fake.uploads("a").get(0);
        assertEquals(".kamal/apps/app/env/roles/web.env", u.path());
        assertEquals("K=V\n", u.text());
        assertEquals(0600, u.mode());
        assertArrayEquals("K=V\n".getBytes(StandardCharsets.UTF_8), u.content());
    }
}
