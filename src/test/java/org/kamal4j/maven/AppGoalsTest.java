package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.maven.FlowMojosTest.configure;
import static org.kamal4j.maven.FlowMojosTest.refused;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.kamal4j.maven.FlowMojosTest.SyncLog;

/** The app-* goals in dry-run: their remote plan per host, and bad input refused before any connection. */
class AppGoalsTest {

    /** What the goal printed (a fresh log for each test). */
    private final SyncLog log = new SyncLog();

    /** An app-exec Mojo without user properties. */
    private AppExecMojo exec() throws Exception {
        return exec(new Properties());
    }

    /** An app-exec Mojo whose user properties are {@code props} (the -D values of a Maven session). */
    private AppExecMojo exec(Properties props) throws Exception {
        AppExecMojo m = configure(new AppExecMojo() {
            @Override
            protected Map<String, String> userProperties() {
                Map<String, String> out = new TreeMap<>();
                props.stringPropertyNames().forEach(n -> out.put(n, props.getProperty(n)));
                return out;
            }
        }, "example", log);
        m.version = null;
        return m;
    }

    @Test
    void execWithoutACommandFailsBeforeAnyConnection() throws Exception {
        AppExecMojo m = exec();

        String message = refused(m, log);

        assertEquals("No command provided. You must specify a command to execute: -Dkamal.command=\"...\"",
                message);
    }

    @Test
    void detachWithReuseOrInteractiveIsRefusedAsKamalDoes() throws Exception {
        AppExecMojo m = exec();
        m.command = "true";
        m.detach = true;
        m.reuse = true;
        assertEquals("Detach is not compatible with reuse", refused(m, log));
        m.interactive = true;
        assertEquals("Detach is not compatible with interactive or reuse", refused(m, log));
    }

    @Test
    void execRunsANewContainerOfTheLatestImageOnEveryRoleWithExtraEnv() throws Exception {
        Properties props = new Properties();
        props.setProperty("kamal.env.RAILS_ENV", "production");
        AppExecMojo m = exec(props);
        m.command = "bin/rails db:migrate";

        m.execute();

        String all = String.join("\n", log.lines());
        assertTrue(all.matches("(?s).*\\[1\\.1\\.1\\.1] docker run --rm --name app-web-exec-latest-[0-9a-f]{6} "
                + "--network kamal --env DB_HOST=db\\.internal --env-file \\.kamal/apps/app/env/roles/web\\.env "
                + "--env RAILS_ENV=production --log-opt max-size=10m registry\\.example/app:latest "
                + "bin/rails db:migrate\n.*"), all);
        assertTrue(all.matches("(?s).*\\[1\\.1\\.1\\.2] docker run --rm --name app-workers-exec-latest-[0-9a-f]{6} .*"),
                all);
        assertTrue(all.contains("[1.1.1.1] docker login registry.example -u deployer --password-stdin"), all);
        assertTrue(all.contains("Executed cmd '\\''bin/rails db:migrate'\\'' on app version latest"), all);
    }

    @Test
    void reuseExecsInTheRunningContainer() throws Exception {
        AppExecMojo m = exec();
        m.command = "ls";
        m.reuse = true;
        m.hosts = "1.1.1.1";

        m.execute();

        assertTrue(log.lines().contains("[1.1.1.1] docker exec 'app-web-<running version>' ls"),
                String.join("\n", log.lines()));
    }

    @Test
    void interactiveRunsOnThePrimaryHostOnlyOnATerminal() throws Exception {
        AppExecMojo m = exec();
        m.command = "sh";
        m.interactive = true;

        m.execute();

        List<String> remote = log.lines().stream().filter(l -> l.startsWith("[1.1.1.")).toList();
        assertEquals(2, remote.size(), String.join("\n", log.lines()));
        assertTrue(remote.get(1).matches("\\[1\\.1\\.1\\.1] \\(terminal\\) docker run -i --rm --name "
                + "app-web-exec-latest-[0-9a-f]{6} .* registry\\.example/app:latest sh"), remote.get(1));
    }

    @Test
    void appRemoveNeedsConfirmation() throws Exception {
        AppRemoveMojo m = configure(new AppRemoveMojo(), "example", log);
        String message = refused(m, log);
        assertTrue(message.endsWith("confirm with -Dkamal.confirmed=true"), message);
    }

    @Test
    void containersListsEveryContainerOfTheServicePerHost() throws Exception {
        configure(new AppContainersMojo(), "example", log).execute();
        assertTrue(log.lines().contains("[1.1.1.2] docker container ls --all --filter label=service=app --filter "
                + "label=destination="), String.join("\n", log.lines()));
    }

}
