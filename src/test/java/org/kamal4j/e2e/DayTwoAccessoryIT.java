package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.AppLogsFlow;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.local.Terminal;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 11 on the fleet: a real accessory (a busybox service appending to a file in its data directory) rebooted,
 * restarted, stopped and started with its data kept; and logs followed on two hosts at once, with no
 * {@code docker logs} left running on the hosts once the goal ends.
 */
@ExtendWith(EeFleet.class)
class DayTwoAccessoryIT {

    private static final Terminal NO_TERMINAL = new Terminal(InputStream.nullInputStream(),
            OutputStream.nullOutputStream(), false);

    private final Fleet fleet = EeFleet.get();

    private static List<Accessory> store(FlowContext ctx) throws Exception {
        return AccessoryFlows.select(ctx.config(), "store", true);
    }

    @Test
    void theAccessoryKeepsItsDataThroughRebootRestartStopAndStart() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-acc", """
                accessories:
                  store:
                    image: %s
                    host: %s
                    cmd: sh -c 'echo booted >> /data/boots; trap "exit 0" TERM; while true; do sleep 1; done'
                    directories:
                      - data:/data
                """.formatted(fleet.image("busybox:latest"), fleet.host(3)));
        String host = fleet.host(3);
        String container = app.service + "-store";
        fleet.ssh(host, "rm -rf " + container);
        fleet.docker(host, "rm", "-f", container);

        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).boot(store(ctx)));
        assertEquals("running", app.inspect(host, container, "{{.State.Status}}"));
        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).exec(store(ctx).get(0),
                "sh -c 'echo precious > /data/keep'", true, false, NO_TERMINAL));
        String firstId = app.inspect(host, container, "{{.Id}}");

        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).reboot(store(ctx)));
        assertNotEquals(firstId, app.inspect(host, container, "{{.Id}}"), "reboot replaced the container");
        assertEquals("precious", fleet.docker(host, "exec", container, "cat", "/data/keep").strip());

        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).restart(store(ctx)));
        assertEquals("precious", fleet.docker(host, "exec", container, "cat", "/data/keep").strip());

        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).stop(store(ctx)));
        assertEquals("exited", app.inspect(host, container, "{{.State.Status}}"));
        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).start(store(ctx)));
        assertEquals("running", app.inspect(host, container, "{{.State.Status}}"));

        assertEquals(List.of("booted", "booted", "booted", "booted"),
                fleet.ssh(host, "cat " + container + "/data/boots").lines().toList(),
                "boot, reboot, restart and start each ran the service on the same data directory");
        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).exec(store(ctx).get(0), "cat /data/keep", false,
                false, NO_TERMINAL));
        assertTrue(app.output.text().contains("[" + host + "] precious"), "a new container sees the data too");

        app.run("v0", "accessory", ctx -> new AccessoryFlows(ctx).remove(store(ctx)));
        assertEquals("gone", fleet.ssh(host, "test -e " + container + " && echo kept || echo gone").strip());
        assertTrue(app.audit(host).stream().anyMatch(l -> l.contains("Started store accessory")));
    }

    @Test
    void followingAppLogsStreamsEveryHostUntilTheGoalEndsAndLeavesNoDockerLogs() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-logs", "");
        app.deploy("v1");
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
}
