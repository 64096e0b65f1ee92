package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.testbed.Fleet;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 13 item 1 on real hosts: one host per boot group ({@code boot.limit: 1}); the second group's
 * {@code pre-app-boot} hook fails after host 1 switched to v2. By default host 1 is switched back and every host
 * runs v1; with the revert off, Kamal's split is kept and reported. The JSON report says the same.
 */
@ExtendWith(EeFleet.class)
class RevertIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void aFailingSecondGroupSwitchesTheFirstBackSoEveryHostRunsTheOldVersion() throws Exception {
        E2eApp app = oneHostPerGroup("e2e-rev");
        Exception e = assertThrows(Exception.class, () -> app.deploy("v2"));
        System.out.println("[RevertIT] the deploy failed with: " + e.getMessage());
        for (String host : fleet.hosts()) {
            assertEquals(Set.of(app.container(role(host), "v1")), app.running(host), host + ": "
                    + app.containers(host));
        }
        assertEquals("exited", app.containers(fleet.host(1)).get(app.container("web", "v2")),
                "the new container was stopped: " + app.containers(fleet.host(1)));
        assertFalse(app.containers(fleet.host(2)).containsKey(app.container("web", "v2")), "host 2 never switched");
        String out = app.output.text();
        assertTrue(out.contains("Reverting 1 host(s) to the version they ran before (-Dkamal.revert=false keeps the "
                + "split): " + fleet.host(1) + "\n"), out);
        assertTrue(out.contains("Reverted web on " + fleet.host(1) + " from v2 to v1"), out);
        assertTrue(summaryLine(out, fleet.host(1)).endsWith(" reverted") || summaryLine(out, fleet.host(1))
                .contains(" reverted "), out);
        assertTrue(summaryLine(out, fleet.host(2)).contains(" untouched "), out);
        assertFalse(app.lockPresent());

        List<Map<String, Object>> hosts = reportHosts(app);
        assertEquals(List.of("reverted", "skipped", "skipped"), hosts.stream().map(h -> h.get("result")).toList());
    }

    @Test
    void withTheRevertOffTheSplitIsKeptAndReported() throws Exception {
        E2eApp app = oneHostPerGroup("e2e-split");
        assertThrows(Exception.class, () -> app.run("v2", "deploy", ctx -> DeployFlow.deploy(ctx)
                .rollout(new RolloutOptions(false, null)).run(false)));
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(1)), app.containers(fleet.host(1))
                .toString());
        assertEquals(Set.of(app.container("web", "v1")), app.running(fleet.host(2)));
        assertEquals(Set.of(app.container("workers", "v1")), app.running(fleet.host(3)));
        String out = app.output.text();
        assertTrue(out.contains("Not reverting (-Dkamal.revert=false): the fleet stays split; these run the new "
                + "version: " + fleet.host(1) + " (web v2)"), out);
        assertFalse(out.contains("Reverting "), out);
        assertTrue(summaryLine(out, fleet.host(1)).contains(" booted "), out);
        List<Map<String, Object>> hosts = reportHosts(app);
        assertEquals(List.of("deployed", "skipped", "skipped"), hosts.stream().map(h -> h.get("result")).toList());
    }

    /** The app at v1 on every host, one host per boot group, and a pre-app-boot hook failing for host 2's group. */
    private E2eApp oneHostPerGroup(String service) throws Exception {
        E2eApp app = E2eApp.create(fleet, service, "");
        app.overrides(Map.of("boot", Map.of("limit", 1)));
        app.deploy("v1");
        app.hook("pre-app-boot", "case \",$KAMAL_HOSTS,\" in *," + fleet.host(2) + ",*) echo \"refusing group "
                + "$KAMAL_HOSTS\" >&2; exit 1;; esac");
        return app;
    }

    private String role(String host) {
        return host.equals(fleet.host(3)) ? "workers" : "web";
    }

    /** The boot summary table's line for {@code host}. */
    private static String summaryLine(String out, String host) {
        return out.lines().map(l -> l.replaceFirst("^[A-Z]+ ", "").strip()).filter(l -> l.startsWith(host + " ") && l.contains(" v2 ")).reduce(
                (a, b) -> b).orElse("(no summary line for " + host + ")");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reportHosts(E2eApp app) throws Exception {
        Path file = app.dir.resolve(".kamal/" + RolloutOptions.REPORT_NAME);
        String text = Files.readString(file);
        System.out.println("[RevertIT] " + file + ":\n" + text);
        String page = Files.readString(app.dir.resolve(".kamal/deploy-report.html"));
        assertTrue(page.contains("<td>" + app.fleet.host(1) + "</td><td>web</td>"), page);
        Map<String, Object> json = new Yaml().load(text);
        assertEquals("failed", json.get("result"), text);
        return (List<Map<String, Object>>) json.get("hosts");
    }
}
