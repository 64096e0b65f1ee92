package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.e2e.LoadSamples.byStart;
import static org.kamal4j.e2e.LoadSamples.count;
import static org.kamal4j.e2e.LoadSamples.startLoads;
import static org.kamal4j.e2e.LoadSamples.stopAfter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.SetupFlow;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.testbed.Fleet;
import org.kamal4j.testbed.HttpLoad;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 13's revert behind the real kamal-proxy, under HTTP load: three web hosts, {@code boot.limit: 1}. The v2
 * deploy fails in its second boot group (a {@code docker} wrapper on the PATH hook runs the never-healthy image on
 * host 2 only), so host 1, already on v2, is switched back to v1 through its proxy. No request fails during any of
 * it, no v2 answer comes after the deploy ended, and host 3 never sees v2. (Adapted from the unmerged s17-rollout
 * branch's RolloutIT to main's flows.rollout.)
 */
class RevertBehindProxyIT {

    private static Fleet fleet;

    @AfterAll
    static void tearDown() {
        if (fleet != null && !Boolean.getBoolean("kamal.keepFleet")) {
            fleet.down();
        }
    }

    @Test
    void aSecondGroupThatFailsRevertsTheFirstUnderLoadWithoutAFailedRequest() throws Exception {
        fleet = Fleet.up("rp", 3, 72, true);
        fleet.pushImages();
        ProxyApp app = new ProxyApp(fleet, "rp", 20);
        Path yml = app.dir.resolve("config/deploy.yml");
        // every host in web (the harness puts host 3 in workers), one host per boot group
        Files.writeString(yml, Files.readString(yml).replaceFirst("(?m)^      - " + Pattern.quote(fleet.host(2))
                + "\\n  workers:\\n    hosts:\\n      - " + Pattern.quote(fleet.host(3)) + "$",
                "      - " + fleet.host(2) + "\n      - " + fleet.host(3)) + "boot:\n  limit: 1\n");
        assertTrue(Files.readString(yml).contains("      - " + fleet.host(3) + "\nproxy:"), Files.readString(yml));
        app.wipe();
        app.run("v1", "setup", ctx -> new SetupFlow(ctx).run(false));

        faultOn(fleet.host(2), "rp", "v2");
        Path report = Files.createTempDirectory("rp-report-").resolve("deploy-report.json");
        Map<String, HttpLoad> loads = startLoads(fleet.hosts());
        try {
            assertThrows(MultiHostException.class, () -> app.run("v2", "deploy",
                    ctx -> DeployFlow.deploy(ctx).rollout(new RolloutOptions(true, report)).run(false)));
        } finally {
            Files.deleteIfExists(fleet.pathHookDir().resolve("docker"));
        }
        long done = System.nanoTime();
        stopAfter(Duration.ofMillis(1_500), loads);

        for (Map.Entry<String, HttpLoad> l : loads.entrySet()) {
            HttpLoad load = l.getValue();
            List<HttpLoad.Sample> samples = byStart(load);
            System.out.printf("[rp] FIGURES load on %s: sent=%d failed=%d answers=%s%n", l.getKey(), samples.size(),
                    load.failures().size(), load.bodies());
            assertEquals(List.of(), load.failures(), "failed requests on " + l.getKey());
            assertEquals(0, count(samples, "v2", done, Long.MAX_VALUE), "no v2 after the revert on " + l.getKey());
        }
        assertTrue(loads.get(fleet.host(1)).bodies().getOrDefault("v2", 0) > 0, "host 1 did switch to v2 first");
        assertEquals(0, loads.get(fleet.host(3)).bodies().getOrDefault("v2", 0), "host 3 never got v2");
        for (String host : fleet.hosts()) {
            assertEquals(List.of("rp-web-v1"), app.containers(host, "running"), host);
        }
        Map<String, Object> json = new Yaml().load(Files.readString(report));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hosts = (List<Map<String, Object>>) json.get("hosts");
        assertEquals(List.of("reverted", "failed", "skipped"), hosts.stream().map(h -> h.get("result")).toList(),
                json.toString());
    }

    /** On {@code host}, {@code docker run} of {@code service:version} runs the fleet's never-healthy image instead. */
    private static void faultOn(String host, String service, String version) throws Exception {
        Path wrapper = fleet.pathHookDir().resolve("docker");
        Files.writeString(wrapper, """
                #!/bin/bash
                # RevertBehindProxyIT: on one host the new version's container never becomes healthy
                if [ "$FLEET_HOST" = "%s" ] && [ "$1" = run ]; then
                  args=()
                  for a in "$@"; do
                    if [ "$a" = "%s" ]; then a="%s"; fi
                    args+=("$a")
                  done
                  exec /usr/bin/docker "${args[@]}"
                fi
                exec /usr/bin/docker "$@"
                """.formatted(fleet.hostName(host), fleet.registry() + "/" + service + ":" + version,
                fleet.image("app:unhealthy")));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertTrue(Arrays.asList(fleet.hosts().toArray()).contains(host));
    }
}
