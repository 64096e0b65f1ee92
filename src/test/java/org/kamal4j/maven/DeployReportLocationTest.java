package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.kamal4j.flows.rollout.RolloutOptions;

/** Where deploy and redeploy put the report (docs/report.md), and that {@code kamal.revert} reaches the flow. */
class DeployReportLocationTest {

    @Test
    void inAMavenProjectTheReportGoesUnderTheBuildDirectory() {
        DeployMojo mojo = new DeployMojo();
        mojo.revert = true;
        MavenProject project = new MavenProject();
        project.setFile(new File("/work/app/pom.xml"));
        project.getBuild().setDirectory("/work/app/target");
        mojo.project = project;
        RolloutOptions options = mojo.rolloutOptions();
        assertTrue(options.revert());
        assertEquals(Path.of("/work/app/target/kamal/deploy-report.json"), options.reportFileUnder(Path.of("/x")));
    }

    @Test
    void withoutAPomTheReportGoesUnderDotKamalOfTheBaseDirectory() {
        RedeployMojo mojo = new RedeployMojo();
        mojo.revert = false;
        mojo.project = new MavenProject();
        mojo.baseDir = new File("/srv/app");
        RolloutOptions options = mojo.rolloutOptions();
        assertFalse(options.revert());
        assertEquals(Path.of("/srv/app/.kamal/deploy-report.json"), options.reportFile());
        assertEquals(Path.of("/srv/app/.kamal"), mojo.reportDir());
    }

    @Test
    void everyGoalNamesItsReportAfterItself() {
        assertEquals("app-containers", new AppContainersMojo().goalName());
        assertEquals("deploy", new DeployMojo().goalName());
        assertEquals("proxy-reboot", new ProxyRebootMojo().goalName());
    }
}
