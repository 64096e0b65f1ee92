package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 8, Ctrl-C: a real {@code mvn kamal:deploy} of examples/hello (web behind kamal-proxy on hosts 1-2, workers
 * on host 3) gets SIGINT at three points: during the pull, just after the web {@code docker run} started, and during
 * the boot of a later boot group. After each: no host runs two versions of a role, the deploy lock is gone, Maven
 * ended within the documented bound, and the output names what each host runs, matching {@code docker ps}.
 */
@ExtendWith(EeFleet.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InterruptIT {

    /** The stop waits at most 30 s for running steps plus 3 bounded settling parts of 10 s (docs/configuration.md). */
    private static final int BOUND_SECONDS = 60;
    private static final Pattern STATE = Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+): (\\w+) runs (\\S+)");

    private final Fleet fleet = EeFleet.get();
    private static MavenExample example;

    private MavenExample example() throws Exception {
        if (example == null) {
            example = MavenExample.of("hello", fleet, Map.of("DOCKER_HOST", fleet.localDockerHost(),
                    "DOCKER_BUILDKIT", "0", "KAMAL_DEMO_FLEET", fleet.name(), "PATH", "/usr/bin:/bin:/usr/sbin:/sbin"));
            for (String host : fleet.hosts()) {
                fleet.ssh(host, "rm -rf .kamal/lock-hello");
            }
            example.mvn("kamal:setup", "-Dkamal.version=i1");
        }
        return example;
    }

    @Test
    @Order(1)
    void ctrlCDuringThePullLeavesEveryHostOnItsVersionAndNoLock() throws Exception {
        MavenExample app = example();
        // every host's `docker pull` takes 5 s, so the signal lands while the pull runs
        Path slow = fleet.pathHookDir().resolve("docker");
        Files.writeString(slow, "#!/bin/sh\nif [ \"$1\" = pull ]; then sleep 5; fi\nexec /usr/bin/docker \"$@\"\n");
        Files.setPosixFilePermissions(slow, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            String out = interrupt(app, "Pull app image", "kamal:deploy", "-Dkamal.version=i2");
            assertSettled(out, Map.of());
        } finally {
            Files.deleteIfExists(slow);
        }
        Map<String, String> runs = running();
        assertEquals(Map.of(fleet.host(1), "i1", fleet.host(2), "i1", fleet.host(3), "i1"), runs, "nothing booted");
    }

    @Test
    @Order(2)
    void ctrlCJustAfterTheWebDockerRunStartedFinishesOrUndoesEachHostAndStartsNoOtherRole() throws Exception {
        MavenExample app = example();
        String out = interrupt(app, "Start container with version i3 for web", "kamal:deploy", "-Dkamal.version=i3");
        assertSettled(out, Map.of());
        assertEquals("i1", running().get(fleet.host(3)), "workers never started after the stop");
    }

    @Test
    @Order(3)
    void ctrlCDuringTheBootOfALaterGroupLeavesTheLastGroupAlone() throws Exception {
        MavenExample app = example();
        app.mvn("kamal:deploy", "-Dkamal.version=i4");
        // one host per boot group: the signal comes while the second group (host 2) boots
        String out = interrupt(app, "[" + fleet.host(2) + "] Start container with version i5 for web",
                "kamal:deploy", "-Dkamal.version=i5", "-Dkamal.deploy.boot.limit=1");
        assertSettled(out, Map.of(fleet.host(1), "i5", fleet.host(2), "i5"));
        assertEquals("i4", running().get(fleet.host(3)), "the third group never started");
    }

    /**
     * Starts {@code mvn ARGS}, sends SIGINT to Maven's JVM as soon as a line contains {@code trigger}, and returns the
     * whole output once Maven ended (asserting it failed and ended within the bound).
     */
    private String interrupt(MavenExample app, String trigger, String... args) throws Exception {
        Process p = app.start(args);
        StringBuffer out = new StringBuffer();
        CountDownLatch seen = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    out.append(line).append('\n');
                    if (line.contains(trigger)) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                out.append("(output lost: ").append(e).append(")\n");
            }
        }, "interrupt-it-reader");
        reader.start();
        try {
            assertTrue(seen.await(300, TimeUnit.SECONDS), "never saw `" + trigger + "`:\n" + out);
            assertTrue(ProcessHandle.of(p.pid()).flatMap(h -> h.info().command()).orElse("").endsWith("java"),
                    "the process is Maven's JVM");
            long t0 = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(BOUND_SECONDS + 30, TimeUnit.SECONDS), "Maven still runs after SIGINT:\n" + out);
            reader.join(10_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[InterruptIT] SIGINT at `%s`: Maven ended after %.1f s, exit %d%n%s%n", trigger,
                    seconds, p.exitValue(), out);
            assertTrue(seconds < BOUND_SECONDS, "Maven ended " + seconds + " s after SIGINT");
            assertNotEquals(0, p.exitValue(), "an interrupted deploy does not succeed");
            return out.toString();
        } finally {
            p.destroyForcibly();
        }
    }

    /**
     * No role runs in two versions on any host, no lock is left, and the output's last state line per host and role
     * names exactly what Docker runs there; {@code expected} pins the version of chosen hosts.
     */
    private void assertSettled(String out, Map<String, String> expected) {
        assertTrue(out.contains("What each host runs now:"), out);
        Map<String, String> printed = new LinkedHashMap<>();
        Matcher m = STATE.matcher(out.substring(out.lastIndexOf("What each host runs now:")));
        while (m.find()) {
            printed.put(m.group(1), m.group(3));
        }
        Map<String, String> runs = running();
        assertEquals(runs, printed, "the output names what each host runs:\n" + out);
        expected.forEach((host, version) -> assertEquals(version, runs.get(host), host));
        for (String host : fleet.hosts()) {
            String lock = fleet.ssh(host, "ls -d .kamal/lock-* 2>/dev/null || true").strip();
            assertEquals("", lock, "no lock left on " + host);
        }
        assertFalse(out.contains("demo-secret-do-not-print"), "the secret was printed");
    }

    /** host -> the one running version of its role (web on hosts 1-2, workers on 3); fails on two. */
    private Map<String, String> running() {
        Map<String, String> runs = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            String host = fleet.host(i);
            String role = i == 3 ? "workers" : "web";
            List<String> names = fleet.docker(host, "ps", "--filter", "label=service=hello", "--filter",
                    "label=role=" + role, "--format", "{{.Names}}").strip().lines().toList();
            assertEquals(1, Set.copyOf(names).size(), "one version of " + role + " runs on " + host + ": " + names);
            runs.put(host, names.get(0).substring(("hello-" + role + "-").length()));
        }
        return runs;
    }
}
