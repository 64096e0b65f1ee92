package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.flows.AppExecFlow;
import org.kamal4j.flows.AppLogsFlow;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.local.Terminal;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 11 on the fleet: the day-two goals (app exec, app containers/version, interactive exec through a
 * pseudo-terminal, logs followed on two hosts with no {@code docker logs} left running once the goal ends) against
 * one app deployed once (web on hosts 1 and 2, workers on host 3).
 */
@ExtendWith(EeFleet.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayTwoIT {

    private static final Terminal NO_TERMINAL = new Terminal(InputStream.nullInputStream(),
            OutputStream.nullOutputStream(), false);

    private Fleet fleet;
    private E2eApp app;

    @BeforeAll
    void deployOnce() throws Exception {
        fleet = EeFleet.get();
        app = E2eApp.running(fleet, "e2e-day2", "v1");
    }

    private AppExecFlow.Request exec(String command, boolean reuse) {
        return new AppExecFlow.Request(command, reuse, false, false, null, Map.of("GREETING_2", "hi there"));
    }

    @Test
    void execInANewContainerRunsTheLatestImageOnEveryHostAndReturnsItsOutput() throws Exception {
        int before = app.containers(fleet.host(1)).size();
        app.run("v1", "app", ctx -> new AppExecFlow(ctx).run(exec(
                "sh -c 'echo \"page=$(cat /www/index.html) env=$GREETING_2\"'", false), NO_TERMINAL));

        String out = app.output.text();
        for (String host : fleet.hosts()) {
            assertTrue(out.contains("[" + host + "] page=v1 env=hi there"), out);
        }
        assertEquals(before, app.containers(fleet.host(1)).size(), "the --rm container is gone");
    }

    @Test
    void execReusesTheRunningContainer() throws Exception {
        app.run("v1", "app", ctx -> new AppExecFlow(ctx).run(exec("sh -c 'echo reused > /tmp/mark && echo marked'",
                true), NO_TERMINAL));

        for (String host : fleet.hosts()) {
            String role = host.equals(fleet.host(3)) ? "workers" : "web";
            assertEquals("reused", fleet.docker(host, "exec", app.container(role, "v1"), "cat", "/tmp/mark").strip());
        }
    }

    @Test
    void aFailingCommandFailsTheGoalNamingEveryHost() {
        MultiHostException e = assertThrows(MultiHostException.class, () -> app.run("v1", "app",
                ctx -> new AppExecFlow(ctx).run(exec("echo about to fail; exit 3", false), NO_TERMINAL)));

        String details = e.heading() + "\n" + e.details();
        for (String host : fleet.hosts()) {
            assertTrue(details.contains("exited with status 3 on " + host), details);
        }
        assertTrue(app.output.text().contains("about to fail"), "the output is shown before failing");
    }

    @Test
    void containersAndVersionListExactlyWhatRuns() throws Exception {
        app.run("v1", "app", ctx -> {
            new AppQueryFlows(ctx).version();
            new AppQueryFlows(ctx).containers();
        });
        String out = app.output.text();
        for (String host : fleet.hosts()) {
            List<String> hostLines = out.lines().filter(l -> l.startsWith("INFO [" + host + "] ")).map(
                    l -> l.substring(("INFO [" + host + "] ").length())).toList();
            int at = hostLines.lastIndexOf("App Host: " + host);
            int versionAt = hostLines.subList(0, at).lastIndexOf("App Host: " + host);
            assertEquals("v1", hostLines.get(versionAt + 1), hostLines.toString());
            TreeSet<String> listed = new TreeSet<>();
            List<String> table = hostLines.subList(at + 2, hostLines.size()).stream()
                    .filter(l -> !l.startsWith("Versions: ")).toList();
            table.forEach(l -> listed.add(l.substring(l.lastIndexOf(' ') + 1)));
            assertEquals(new TreeSet<>(app.containers(host).keySet()), listed, hostLines.toString());
            // after the table, what each role runs and ran before (kamal:rollback without a version boots that)
            assertTrue(hostLines.stream().anyMatch(l -> l.startsWith("Versions: " + host + " ")
                    && l.contains(": runs v1")), hostLines.toString());
        }
    }

    @Test
    void interactiveExecWiresARemoteTerminalToTheLocalOne() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cmd = String.join(" ", List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.kamal4j.maven.InteractiveExecMain", app.dir.toString(), "sh"));
        Process p = new ProcessBuilder("script", "-qfec", cmd, "/dev/null").redirectErrorStream(true).start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(new SyncOut(seen));
            } catch (IOException e) {
                // process ended
            }
        });
        reader.start();
        OutputStream typed = p.getOutputStream();
        try {
            waitFor(seen, "Launching interactive command", 60);
            typed.write("echo answer-$((6*7)) from $(cat /www/index.html)\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            waitFor(seen, "answer-42 from v1", 60);
            typed.write("exit\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), text(seen));
            assertEquals(0, p.exitValue(), text(seen));
            assertFalse(text(seen).contains("GOAL FAILED"), text(seen));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void followingAppLogsStreamsEveryHostUntilTheGoalEndsAndLeavesNoDockerLogs() throws Exception {
        List<String> hosts = List.of(fleet.host(1), fleet.host(2));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread goal = new Thread(() -> {
            try {
                app.run("v1", "app", ctx -> new AppLogsFlow(ctx).run(
                        LogOptions.of(null, null, null, null, false, true), null));
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        goal.start();
        try {
            for (String host : hosts) {
                String container = app.container("web", "v1");
                for (int i = 0; !app.output.text().contains("[" + host + "] tick-" + host); i++) {
                    assertTrue(i < 100, "no streamed line from " + host + ":\n" + app.output.text());
                    fleet.docker(host, "exec", container, "sh", "-c", "echo tick-" + host + " > /proc/1/fd/1");
                    Thread.sleep(300);
                }
            }
            for (String host : hosts) {
                fleet.docker(host, "exec", app.container("web", "v1"), "sh", "-c",
                        "echo late-line-" + host + " > /proc/1/fd/1");
            }
            for (String host : hosts) {
                for (int i = 0; !app.output.text().contains("[" + host + "] late-line-" + host); i++) {
                    assertTrue(i < 100, "the late line of " + host + " did not arrive:\n" + app.output.text());
                    Thread.sleep(100);
                }
            }
        } finally {
            goal.interrupt();
            goal.join(30_000);
        }
        assertFalse(goal.isAlive(), "the goal ended");
        for (String host : hosts) {
            String id = app.inspect(host, app.container("web", "v1"), "{{.Id}}");
            String left = "";
            for (int i = 0; i < 50; i++) {
                left = fleet.ssh(host, "ps -eo args | grep 'docker logs' | grep -v grep | grep " + id.substring(0, 12)
                        + " || true").strip();
                if (left.isEmpty()) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("", left, "docker logs still running for " + host);
        }
    }

    private static void waitFor(ByteArrayOutputStream seen, String text, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!text(seen).contains(text)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("no '" + text + "' within " + seconds + " s; the terminal showed:\n"
                        + text(seen));
            }
            Thread.sleep(100);
        }
    }

    private static String text(ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Appends to a buffer read by another thread. */
    private static final class SyncOut extends OutputStream {
        private final ByteArrayOutputStream target;

        SyncOut(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }
}
