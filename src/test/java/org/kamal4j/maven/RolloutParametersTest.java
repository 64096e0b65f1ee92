package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kamal4j.maven.FlowMojosTest.SyncLog;

/** The canary and failure-budget parameters of deploy and redeploy reach the flow; bad ones stop it first. */
class RolloutParametersTest {

    @Test
    void badValuesAreRefusedTogetherBeforeAnyHostIsReached() throws Exception {
        SyncLog log = new SyncLog();
        DeployMojo m = FlowMojosTest.configure(FlowMojosTest.deploy(), "example", log);
        m.maxFailures = "lots";
        m.canaryWait = 5;

        String message = FlowMojosTest.refused(m, log);

        assertTrue(message.contains("kamal.maxFailures: 'lots' is not a number of hosts"), message);
        assertTrue(message.contains("kamal.canaryCheck, kamal.canaryUrl and kamal.canaryWait need a canary"),
                message);
    }

    @Test
    void aDryRunRedeployWithACanaryBootsItFirst() throws Exception {
        SyncLog log = new SyncLog();
        RedeployMojo m = FlowMojosTest.configure(new RedeployMojo(), "example", log);
        m.canary = "1";
        m.skipPush = true;

        m.execute();

        String text = String.join("\n", log.lines());
        assertTrue(text.contains("Canary: booting web abc123 on 1.1.1.1 first (-Dkamal.canary=1)"), text);
        assertTrue(text.contains("Dry run: not checking the canary"), text);
        int workersRun = log.lines().stream().filter(l -> l.startsWith("[1.1.1.2] ") && l.contains(" docker run --detach"))
                .findFirst().map(text::indexOf).orElse(-1);
        assertTrue(text.indexOf("Dry run: not checking the canary") < workersRun, text);
    }
}
