package org.kamal4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kamal4j.maven.FlowMojosTest.configure;
import static org.kamal4j.maven.FlowMojosTest.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.maven.FlowMojosTest.SyncLog;

/** The accessory-* and logs goals in dry-run: their plan, and bad input refused before any connection. */
class AccessoryGoalsTest {

    /** What the goal printed (a fresh log for each test). */
    private final SyncLog log = new SyncLog();

    @Test
    void anUnknownAccessoryIsRefusedListingTheKnownOnes() throws Exception {
        AccessoryRebootMojo m = configure(new AccessoryRebootMojo(), "example", log);
        m.accessory = "redis";

        String message = refused(m, log);

        assertEquals("No accessory by the name of 'redis' (options: db)", message);
    }

    @Test
    void aMissingAccessoryNameIsRefused() throws Exception {
        AccessoryExecMojo m = configure(new AccessoryExecMojo(), "example", log);
        m.command = "true";
        m.accessory = "all";

        String message = refused(m, log);

        assertEquals("No accessory by the name of 'all' (options: db)", message, "exec takes one accessory");
    }

    @Test
    void accessoryExecWithoutACommandIsRefused() throws Exception {
        AccessoryExecMojo m = configure(new AccessoryExecMojo(), "example", log);
        m.accessory = "db";

        String message = refused(m, log);

        assertTrue(message.startsWith("No command provided."), message);
    }

    @Test
    void removeWithoutConfirmationSaysWhichDataItWouldDelete() throws Exception {
        AccessoryRemoveMojo m = configure(new AccessoryRemoveMojo(), "example", log);
        m.accessory = "all";

        String message = refused(m, log);

        assertEquals("kamal:accessory-remove deletes db on 1.1.1.3 (container, image mysql:8.0 and directory "
                + "app-db/ with the data directories app-db/data); confirm with -Dkamal.confirmed=true",
                message);
    }

    @Test
    void rebootPullsStopsRemovesAndBootsUnderTheLock() throws Exception {
        AccessoryRebootMojo m = configure(new AccessoryRebootMojo(), "example", log);
        m.accessory = "db";

        m.execute();

        List<String> remote = log.lines().stream().filter(l -> l.startsWith("[1.1.1.3]")).toList();
        String all = String.join("\n", remote);
        int pull = indexOf(remote, "docker image pull mysql:8.0");
        int stop = indexOf(remote, "docker container stop app-db");
        int prune = indexOf(remote, "docker container prune --force --filter label=service=app-db");
        int run = indexOf(remote, "docker run --name app-db --detach");
        assertTrue(pull >= 0 && pull < stop && stop < prune && prune < run, all);
        assertTrue(log.lines().stream().anyMatch(l -> l.contains("mkdir .kamal/lock-app")), "takes the lock");
    }

    @Test
    void followingAccessoryLogsStreamsOverATerminal() throws Exception {
        AccessoryLogsMojo m = configure(new AccessoryLogsMojo(), "example", log);
        m.accessory = "db";
        m.follow = true;
        m.timestamps = true;
        m.grep = "ERROR";
        m.grepOptions = "-i";

        m.execute();

        assertTrue(log.lines().contains("[1.1.1.3] (terminal) docker logs app-db --timestamps --follow 2>&1 | grep "
                + "ERROR -i"), String.join("\n", log.lines()));
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
