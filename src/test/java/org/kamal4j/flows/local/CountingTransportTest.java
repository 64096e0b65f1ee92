package org.kamal4j.flows.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.ssh.Session;

/** The report's timeline: named steps per host, consecutive runs of one step merged, unnamed commands only counted. */
class CountingTransportTest {

    @Test
    void namedStepsAreKeptPerHostAndHealthPollsMergeIntoOneSpan() throws Exception {
        FakeTransport fake = new FakeTransport();
        fake.on("h1", c -> c.startsWith("docker stop")).fail(1, "", "no such container");
        CountingTransport counting = new CountingTransport(fake);
        Session s = counting.session("h1");

        s.exec(Command.of("mkdir", "-p", ".kamal"));
        s.exec(Command.of("docker", "pull", "app:v2").step("pull"));
        s.exec(Command.of("docker", "run", "app:v2").step("run"));
        for (int i = 0; i < 3; i++) {
            s.exec(Command.of("docker", "inspect", "x").step("health"));
        }
        s.exec(Command.of("docker", "stop", "old").step("stop"));

        List<CountingTransport.Span> spans = counting.spans("h1");
        assertEquals(List.of("pull", "run", "health", "stop"), spans.stream().map(CountingTransport.Span::step)
                .toList());
        assertTrue(spans.subList(0, 3).stream().allMatch(CountingTransport.Span::ok));
        assertFalse(spans.get(3).ok(), "the stop failed");
        for (int i = 1; i < spans.size(); i++) {
            assertFalse(spans.get(i).start().isBefore(spans.get(i - 1).end()), spans.toString());
        }
        assertEquals(7, counting.commands("h1"), "every command counts, named or not");
        assertEquals(List.of(), counting.spans("h2"));
    }
}
