package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class FlowMojosTest {

    /** A thread-safe recording log: flows print from many host threads at once. */
    /** The message of the failure {@code m} ends in, asserting that no host was connected to first. */
    static String refused(AbstractKamalMojo m, SyncLog log) {
        String message = assertThrows(MojoFailureException.class, m::execute).getMessage();
        assertFalse(log.lines().stream().anyMatch(l -> l.startsWith("[1.1.1.")), String.join("\n", log.lines()));
        return message;
    }

    static final class SyncLog extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public synchronized void info(CharSequence content) {
            info.add(content.toString());
        }

        @Override
        public void debug(CharSequence content) {
            // not needed
        }

        synchronized List<String> lines() {
            return List.copyOf(info);
        }
    }

    static File fixture(String name) throws URISyntaxException {
        return Path.of(FlowMojosTest.class.getResource("/flows/" + name + "/deploy.yml").toURI()).getParent()
                .toFile();
    }

    static <M extends AbstractFlowMojo> M configure(M m, String fixture, SyncLog log) throws URISyntaxException {
        m.baseDir = fixture(fixture);
        m.configFile = "deploy.yml";
        m.version = "abc123";
        m.dryRun = true;
        m.maxThreads = 4;
        m.environment = Map.of();
        m.setLog(log);
        return m;
    }

    /** A deploy Mojo; {@link #configure} gives it no process environment (the fixtures' secrets are their own). */
    static DeployMojo deploy() {
        return new DeployMojo();
    }

    @Test
    void dryRunDeployPrintsThePlanPerHostWithoutSecrets() throws Exception {
        SyncLog log = new SyncLog();
        DeployMojo m = configure(deploy(), "example", log);

        m.execute();

        List<String> lines = log.lines();
        assertTrue(lines.contains("[local] docker push registry.example/app:abc123 && docker push "
                + "registry.example/app:latest"), String.join("\n", lines));
        // the run is a step of the boot command (audit, run, wait)
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[1.1.1.1] ")
                && l.contains(" docker run --detach --restart unless-stopped --name app-web-abc123")),
                String.join("\n", lines));
        // the env file is written by the same command, owner-only, its content (the secrets) never shown
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("[1.1.1.2] ") && l.contains("chmod 600 .kamal/apps/app/"
                + "env/roles/workers.env.kamal-tmp-") && l.contains(" docker run ")), String.join("\n", lines));
        assertTrue(lines.contains("[1.1.1.1] rm .kamal/lock-app/details && rm -r .kamal/lock-app"));
        assertTrue(lines.stream().noneMatch(l -> l.contains("s3cret") || l.contains("dbpw")));
    }

    @Test
    void hostsThatMatchNothingFailWithKamalsMessage() throws Exception {
        SyncLog log = new SyncLog();
        DeployMojo m = configure(deploy(), "example", log);
        m.hosts = "9.9.9.9";

        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);

        assertTrue(e.getMessage().startsWith("No --hosts match for 9.9.9.9"), e.getMessage());
        assertTrue(log.lines().isEmpty(), log.lines().toString());
    }

    @Test
    void dryRunDeployOfAProxyRoleBootsTheProxyAndSwitchesThroughIt() throws Exception {
        SyncLog log = new SyncLog();
        DeployMojo m = configure(deploy(), "proxyweb", log);

        m.execute();

        String text = String.join("\n", log.lines());
        assertTrue(text.contains("docker container start kamal-proxy || docker run --name kamal-proxy"), text);
        assertTrue(text.contains("[1.1.1.2] { mkdir -p .kamal/proxy/apps-config ; }"), text);
        assertTrue(text.contains("docker exec kamal-proxy kamal-proxy deploy app-web \"--target=${id}:3000\""), text);
        assertTrue(!text.contains("[1.1.1.3] docker container start kamal-proxy"), text);
    }

    @Test
    void proxyRebootNeedsConfirmation() throws Exception {
        SyncLog log = new SyncLog();
        ProxyRebootMojo m = configure(new ProxyRebootMojo(), "proxyweb", log);

        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);

        assertTrue(e.getMessage().contains("confirm with -Dkamal.confirmed=true"), e.getMessage());
        assertTrue(log.lines().isEmpty(), log.lines().toString());
    }

    @Test
    void removeNeedsConfirmation() throws Exception {
        SyncLog log = new SyncLog();
        RemoveMojo m = configure(new RemoveMojo(), "example", log);

        MojoFailureException e = assertThrows(MojoFailureException.class, m::execute);

        assertEquals("kamal:remove removes all containers, images and accessory data; confirm with "
                + "-Dkamal.confirmed=true", e.getMessage());
        assertTrue(log.lines().isEmpty(), log.lines().toString());
    }

    @Test
    void skipDoesNothing() throws Exception {
        SyncLog log = new SyncLog();
        DeployMojo m = configure(deploy(), "proxyweb", log);
        m.skip = true;

        m.execute();

        assertEquals(List.of("Skipping (kamal.skip)"), log.lines());
    }

    @Test
    void deployIsBoundToTheDeployPhase() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/maven/plugin.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int goal = xml.indexOf("<goal>deploy</goal>");
            int end = xml.indexOf("</mojo>", goal);
            assertTrue(goal > 0 && xml.substring(goal, end).contains("<phase>deploy</phase>"));
            for (String g : List.of("setup", "redeploy", "rollback", "remove", "lock-status", "lock-release",
                    "lock-acquire", "details", "app-logs", "server-exec")) {
                assertTrue(xml.contains("<goal>" + g + "</goal>"), g);
            }
        }
    }
}
