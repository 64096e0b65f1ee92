package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kamal4j.engine.SshdLog;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.rollout.Resume;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.testbed.Fleet;

/**
 * Issue 13 item 5 on real hosts: one host per boot group, the revert off; the third group's {@code pre-app-boot}
 * hook refuses, so hosts 1 and 2 switch to v2 and host 3 is never reached. The resume reads the last report, deploys
 * v2 to host 3 only (it ends on v2), and the sshd logs of hosts 1 and 2 show no connection after the first run.
 */
@ExtendWith(EeFleet.class)
class ResumeIT {

    private final Fleet fleet = EeFleet.get();

    @Test
    void aResumeDeploysOnlyToTheHostTheFailedDeployDidNotFinish() throws Exception {
        E2eApp app = E2eApp.create(fleet, "e2e-res", "");
        app.overrides(Map.of("boot", Map.of("limit", 1)));
        app.deploy("v1");
        app.hook("pre-app-boot", "case \",$KAMAL_HOSTS,\" in *," + fleet.host(3) + ",*) echo \"refusing group "
                + "$KAMAL_HOSTS\" >&2; exit 1;; esac");
        RolloutOptions split = new RolloutOptions(false, null);
        assertThrows(Exception.class, () -> app.run("v2", "deploy", ctx -> DeployFlow.deploy(ctx).rollout(split)
                .run(false)));
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(1)));
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(2)));
        assertEquals(Set.of(app.container("workers", "v1")), app.running(fleet.host(3)));
        int connections1 = connections(fleet.host(1));
        int connections2 = connections(fleet.host(2));

        Files.delete(app.dir.resolve(".kamal/hooks/pre-app-boot"));
        Resume resume = Resume.fromLastReport(app.dir.resolve(".kamal"), "e2e-res");
        assertEquals("v2", resume.version());
        assertEquals(List.of(fleet.host(3)), resume.hosts());
        app.onHosts(resume.hostPatterns()).run(resume.version(), "deploy", ctx -> DeployFlow.deploy(ctx)
                .rollout(split).run(true));

        assertEquals(Set.of(app.container("workers", "v2")), app.running(fleet.host(3)), app.containers(fleet
                .host(3)).toString());
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(1)));
        assertEquals(Set.of(app.container("web", "v2")), app.running(fleet.host(2)));
        Thread.sleep(1000); // fleet.sh's log writer stamps and appends each sshd line as it comes
        assertEquals(connections1, connections(fleet.host(1)), "no connection to host 1 after the first run");
        assertEquals(connections2, connections(fleet.host(2)), "no connection to host 2 after the first run");
        String report = Files.readString(app.dir.resolve(".kamal/" + RolloutOptions.REPORT_NAME));
        assertTrue(report.contains("\"host\": \"" + fleet.host(3) + "\", \"result\": \"deployed\""), report);
        assertTrue(!report.contains(fleet.host(1)), "the resumed run's report has host 3 only: " + report);
    }

    private int connections(String host) throws Exception {
        return SshdLog.connections(host, fleet.sshdLog(host)).size();
    }
}
