package org.kamal4j.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Ssh;
import org.kamal4j.testbed.Fleet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSch transport against the project's fleet (sshd hosts in their own network namespaces, fleet "tr"). */
class JschFleetIT {

    private static Fleet fleet;

    @BeforeAll
    static void up() {
        fleet = Fleet.up("tr", 3, 20, false);
    }

    @AfterAll
    static void down() {
        fleet.down();
    }

    private static Ssh ssh(List<Path> keys, String proxy) {
        return ItSsh.ssh(keys, fleet.knownHosts(), "strict", proxy, null, 0);
    }

    @Test
    void quotingStdinAndUploadOnAFleetHost() throws Exception {
        List<String> nasty = List.of("it's", "\"q\"", "$(id)", "`id`", "a;b && c", "back\\slash", "nl\nx", "t\tx",
                "", "é✓😀", "-n");
        try (JschTransport t = ItSsh.builder(ssh(List.of(fleet.key()), null)).build()) {
            Session s = t.session(fleet.host(1));
            List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
            argv.addAll(nasty);
            assertArrayEquals((String.join("\0", nasty) + "\0").getBytes(StandardCharsets.UTF_8),
                    s.run(Command.of(argv)).getBytes(StandardCharsets.UTF_8));
            assertEquals(fleet.hostName(fleet.host(1)) + " said: secret\n", s.run(Command.of("sh", "-c", "echo \"$FLEET_HOST said: $(cat)\"")
                    .withStdin("secret")));
            String path = "/tmp/kamal4j-tr-" + System.nanoTime() + ".env";
            s.upload("A=1\n".getBytes(StandardCharsets.UTF_8), path, 0600);
            assertEquals("600 4\n", s.run(Command.of("stat", "-c", "%a %s", path)));
            s.run(Command.of("rm", "-f", path));
        }
    }

    @Test
    void oneLoginPerHostForTwentyCommandsEach() throws Exception {
        List<Integer> before = fleet.hosts().stream().map(fleet::acceptedConnections).toList();
        try (JschTransport t = ItSsh.builder(ssh(List.of(fleet.key()), null)).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (String host : fleet.hosts()) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        assertEquals(fleet.hostName(host) + "\n",
                                t.session(host).run(Command.of("sh", "-c", "echo $FLEET_HOST")));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(before.get(i) + 1, fleet.acceptedConnections(fleet.hosts().get(i)), fleet.hosts().get(i));
        }
    }

    @Test
    void jumpHostThroughAnotherFleetHost() throws Exception {
        String bastion = fleet.host(1);
        String target = fleet.host(2);
        int bastionBefore = fleet.acceptedConnections(bastion);
        try (JschTransport t = ItSsh.builder(ssh(List.of(fleet.key()), bastion)).build()) {
            assertEquals(fleet.hostName(target) + "\n", t.session(target).run(Command.of("sh", "-c", "echo $FLEET_HOST")));
        }
        assertEquals(bastionBefore + 1, fleet.acceptedConnections(bastion));
        List<String> log = Files.readAllLines(fleet.sshdLog(target));
        assertTrue(log.stream().anyMatch(l -> l.contains("Accepted publickey for root from " + bastion + " ")),
                "the target saw the login come from the bastion " + bastion);
    }

    @Test
    void passphraseAndRsaKeysLogIn() throws Exception {
        SshCredentials creds = new SshCredentials(List.of(fleet.keyWithPassphrase()), fleet.passphrase());
        try (JschTransport t = ItSsh.builder(ssh(List.of(), null)).credentials(creds).build()) {
            assertEquals("root\n", t.session(fleet.host(3)).run(Command.of("whoami")));
        }
        try (JschTransport t = ItSsh.builder(ssh(List.of(fleet.rsaKey()), null)).build()) {
            assertEquals("root\n", t.session(fleet.host(3)).run(Command.of("whoami")));
        }
    }
}
