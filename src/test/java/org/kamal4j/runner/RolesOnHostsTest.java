package org.kamal4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.FakeTransport;
import org.kamal4j.ssh.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RolesOnHostsTest {

    private static final Map<String, List<String>> ROLES = Map.of(
            "1.1.1.1", List.of("web", "workers"),
            "1.1.1.2", List.of("web", "workers"),
            "1.1.1.3", List.of("workers"));
    private static final List<String> HOSTS = List.of("1.1.1.1", "1.1.1.2", "1.1.1.3");
    private static final Function<String, String> ROOT = h -> "root@" + h;

    private final FakeTransport fake = new FakeTransport();
    private final HostRunner runner = new HostRunner(4);

    @AfterEach
    void close() {
        runner.close();
    }

    private void boot(String host, String role, String lane) throws Exception {
        fake.session(host, lane).run(Command.of("docker", "run", "--name", "app-" + role));
    }

    @Test
    void parallelRolesRunEachRoleOnItsOwnLaneAtTheSameTime() throws Exception {
        CyclicBarrier bothRolesOfHostOne = new CyclicBarrier(2);
        new RolesOnHosts(runner, true, ROOT).run(HOSTS, ROLES::get, (host, role, lane) -> {
            if (host.equals("1.1.1.1")) {
                bothRolesOfHostOne.await(5, TimeUnit.SECONDS);
            }
            boot(host, role, lane);
        });

        assertEquals(1, fake.connections("1.1.1.1", "web"));
        assertEquals(1, fake.connections("1.1.1.1", "workers"));
        assertEquals(0, fake.connections("1.1.1.1", Transport.DEFAULT_LANE));
        assertEquals(List.of("docker run --name app-web"), fake.commands("1.1.1.1", "web"));
        assertEquals(List.of("docker run --name app-workers"), fake.commands("1.1.1.1", "workers"));
        assertEquals(List.of("workers"), fake.lanes("1.1.1.3"));
    }

    @Test
    void parallelRoleFailuresNameRoleAndHost() {
        fake.on("1.1.1.2", cmd -> cmd.contains("app-workers")).fail(1, "", "boom");
        fake.on("1.1.1.3", cmd -> true).fail(2, "", "bang");

        MultiHostException e = assertThrows(MultiHostException.class,
                () -> new RolesOnHosts(runner, true, ROOT).run(HOSTS, ROLES::get, this::boot));

        assertEquals("""
                Failed on 2 of 5 host roles:
                  workers on root@1.1.1.2: docker exit status: 1
                    docker stdout: Nothing written
                    docker stderr: boom
                  workers on root@1.1.1.3: docker exit status: 2
                    docker stdout: Nothing written
                    docker stderr: bang""", e.getMessage());
        assertTrue(fake.ran("1.1.1.2", "app-web"));
    }

    @Test
    void sequentialRolesShareOneLaneInBootOrderAndStopAtARoleFailure() {
        fake.on("1.1.1.1", cmd -> cmd.contains("app-web")).fail(1, "", "unhealthy");

        MultiHostException e = assertThrows(MultiHostException.class,
                () -> new RolesOnHosts(runner, false, ROOT).run(HOSTS, ROLES::get, this::boot));

        assertEquals(List.of("docker run --name app-web"), fake.commands("1.1.1.1"));
        assertEquals(List.of("docker run --name app-web", "docker run --name app-workers"),
                fake.commands("1.1.1.2", RolesOnHosts.SHARED_LANE));
        assertEquals(List.of("docker run --name app-workers"), fake.commands("1.1.1.3"));
        assertEquals(List.of(Transport.DEFAULT_LANE), fake.lanes("1.1.1.2"));
        assertEquals("""
                web on root@1.1.1.1: docker exit status: 1
                  docker stdout: Nothing written
                  docker stderr: unhealthy""", e.getMessage());
        assertEquals("web on root@1.1.1.1: docker exit status: 1", e.heading());
    }

    @Test
    void sequentialFailuresOnSeveralHostsCountHostRoles() {
        fake.on("1.1.1.[13]", cmd -> cmd.contains("app-workers")).fail(1, "", "boom");

        MultiHostException e = assertThrows(MultiHostException.class,
                () -> new RolesOnHosts(runner, false, ROOT).run(HOSTS, ROLES::get, this::boot));

        assertEquals("Failed on 2 of 5 host roles:", e.heading());
        assertEquals(List.of("workers on root@1.1.1.1", "workers on root@1.1.1.3"),
                e.failures().stream().map(MultiHostException.Failure::label).toList());
    }
}
