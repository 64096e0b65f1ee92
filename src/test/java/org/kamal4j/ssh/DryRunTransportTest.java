package org.kamal4j.ssh;

import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DryRunTransportTest {

    @Test
    void printsRedactedCommandsPerHostAndAnswersZero() throws Exception {
        List<String> out = new ArrayList<>();
        try (Transport t = new DryRunTransport(out::add)) {
            Session s = t.session("10.0.0.1");
            ExecResult r = s.exec(Command.of("docker", "login", "-p", "hunter2").withSecrets(Set.of("hunter2")));
            assertEquals(new ExecResult(0, "", ""), r);
            s.upload("SECRET=hunter2".getBytes(StandardCharsets.UTF_8), ".kamal/apps/app/env/roles/web.env", 0600);
        }
        assertEquals(List.of("[10.0.0.1] docker login -p [REDACTED]",
                "[10.0.0.1] upload .kamal/apps/app/env/roles/web.env (mode 0600, 14 bytes)"), out);
    }

    @Test
    void scriptedAnswers() throws Exception {
        List<String> out = new ArrayList<>();
        DryRunTransport t = new DryRunTransport(out::add,
                (host, c) -> new ExecResult(1, "", "no such container " + host), TransportListener.NONE);
        ExecResult r = t.session("web2").exec(Command.of("docker", "inspect", "x"));
        assertEquals(new ExecResult(1, "", "no such container web2"), r);
        assertEquals(List.of("[web2] docker inspect x"), out);
    }
}
