package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.local.Terminal;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 11 on the fleet: a real accessory (a busybox service appending to a file in its data directory) rebooted,
 * restarted, stopped and started with its data kept.
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
}
