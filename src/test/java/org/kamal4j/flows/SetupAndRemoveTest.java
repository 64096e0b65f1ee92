package org.kamal4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kamal4j.FlowException;

class SetupAndRemoveTest {

    @Test
    void setupChecksDockerBootsTheAccessoryThenDeploys() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            new SetupFlow(f.context(f.selection(), "setup")).run(true);

            List<String> db = f.fake.commands("1.1.1.3");
            assertEquals("mkdir -p .kamal", db.get(0));
            assertEquals("docker -v", db.get(1));
            assertTrue(FlowFixture.indexOf(db, "docker run --name app-db --detach") > 0, String.join("\n", db));
            assertEquals(".kamal/apps/app/env/accessories/db.env", f.fake.uploads("1.1.1.3").get(0).path());
            assertEquals("MYSQL_ROOT_PASSWORD=rootpw\n", f.fake.uploads("1.1.1.3").get(0).text());
            assertTrue(f.fake.ran("1.1.1.2", "docker run --detach --restart unless-stopped --name app-workers-abc123"));
            List<String> web = f.fake.commands("1.1.1.1");
            assertTrue(FlowFixture.indexOf(web, "Pruned images") < FlowFixture.indexOf(web, "rm .kamal/lock-app"));
        }
    }

    @Test
    void setupReportsEveryHostWithoutDockerAtOnce() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.[23]", "docker -v"::equals).fail(127, "", "sh: docker: not found");
            f.fake.on("1.1.1.[23]", c -> c.contains("sudo -nl usermod")).fail(1, "", "");

            FlowException e = assertThrows(FlowException.class,
                    () -> new SetupFlow(f.context(f.selection(), "setup")).run(true));

            assertTrue(e.getMessage().startsWith("Docker is not installed on 1.1.1.2, 1.1.1.3 and can't be "
                    + "automatically installed"), e.getMessage());
            assertFalse(f.fake.ran("1.1.1.2", "docker pull"));
            assertTrue(f.lockReleased());
        }
    }

    @Test
    void skipsAnAccessoryThatAlreadyHasAContainer() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            f.fake.on("1.1.1.3", c -> c.startsWith("docker ps -a -q --filter label=service=app-db")).output("c0ffee\n");

            new SetupFlow(f.context(f.selection(), "setup")).run(true);

            assertFalse(f.fake.ran("1.1.1.3", "docker run"));
            assertTrue(f.output.lines().contains(
                    "INFO [1.1.1.3] Skipping booting `db` on 1.1.1.3, a container already exists"));
        }
    }

    @Test
    void removeStopsAndRemovesEverythingUnderTheLock() throws Exception {
        try (FlowFixture f = new FlowFixture()) {
            new RemoveFlow(f.context(f.selection(), "remove")).run();

            List<String> web = f.fake.commands("1.1.1.1");
            assertTrue(FlowFixture.indexOf(web, "xargs docker stop") > FlowFixture.indexOf(web, "Stopped app"));
            assertTrue(f.fake.ran("1.1.1.1", "docker container prune --force --filter label=service=app "
                    + "--filter label=destination= --filter label=role=web"));
            assertTrue(f.fake.ran("1.1.1.1", "docker image prune --all --force --filter label=service=app"));
            assertTrue(f.fake.ran("1.1.1.1", "rm -r .kamal/apps/app"));
            assertTrue(f.fake.ran("1.1.1.3", "docker container stop app-db"));
            assertTrue(f.fake.ran("1.1.1.3", "rm -rf app-db"));
            assertTrue(f.fake.ran("1.1.1.3", "docker logout registry.example"));
            assertTrue(f.lockReleased());
        }
    }
}
