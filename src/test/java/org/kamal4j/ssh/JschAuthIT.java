package org.kamal4j.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;
import org.kamal4j.config.Secrets;
import org.kamal4j.config.Ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key types, passphrases, key_data, the ssh-agent and jump hosts against real sshd servers. */
class JschAuthIT {

    private static TestKeys keys;
    private static LocalSshd target;
    private static LocalSshd bastion;
    private static Path knownHosts;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.create();
        List<Path> pubs = List.of(TestKeys.pub(keys.ed25519), TestKeys.pub(keys.ecdsa), TestKeys.pub(keys.rsa),
                TestKeys.pub(keys.encrypted));
        target = LocalSshd.start("127.0.20.13", 2222, pubs);
        bastion = LocalSshd.start("127.0.20.14", 2222, pubs);
        knownHosts = ItSsh.knownHosts(target, bastion);
    }

    @AfterAll
    static void stop() throws Exception {
        target.close();
        bastion.close();
    }

    private static String whoami(JschTransport.Builder builder) throws Exception {
        try (JschTransport t = builder.build()) {
            return t.session(target.host()).run(Command.of("whoami")).strip();
        }
    }

    @Test
    void ecdsaAndRsaKeysLogIn() throws Exception {
        assertEquals("root", whoami(ItSsh.builder(ItSsh.ssh(List.of(keys.ecdsa), knownHosts, "strict"))));
        // OpenSSH 9.2 refuses SHA-1 ssh-rsa signatures by default, so this login proves rsa-sha2-256/512.
        assertEquals("root", whoami(ItSsh.builder(ItSsh.ssh(List.of(keys.rsa), knownHosts, "strict"))));
    }

    @Test
    void passphraseProtectedKeyFromCredentials() throws Exception {
        SshCredentials creds = new SshCredentials(List.of(keys.encrypted), TestKeys.PASSPHRASE);
        assertEquals("root", whoami(ItSsh.builder(ItSsh.ssh(List.of(), knownHosts, "strict")).credentials(creds)));
        SshCredentials wrong = new SshCredentials(List.of(keys.encrypted), "wrong");
        TransportException e = assertThrows(TransportException.class,
                () -> whoami(ItSsh.builder(ItSsh.ssh(List.of(), knownHosts, "strict")).credentials(wrong)));
        assertEquals("Cannot read SSH key " + keys.encrypted + ": Incorrect passphrase provided. Check the "
                + "passphrase of the settings.xml <server>", e.getMessage());
    }

    @Test
    void keyDataFromASecret() throws Exception {
        Ssh base = ItSsh.ssh(List.of(), knownHosts, "strict");
        Ssh withData = new Ssh(base.user(), base.port(), null, null, "fatal", true, List.of(), List.of("SSH_KEY"),
                null, null, "strict", knownHosts.toString(), 10, 0, 30, null);
        Secrets secrets = Secrets.of(Map.of("SSH_KEY", Files.readString(keys.ed25519)));
        assertEquals("root", whoami(ItSsh.builder(withData).secrets(secrets)));
    }

    @Test
    void sshAgentIdentitiesAreUsedUnlessKeysOnly() throws Exception {
        Path socket = Files.createTempDirectory("agent").resolve("sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder pb = new ProcessBuilder("ssh-add", keys.ecdsa.toString()).redirectErrorStream(true);
            pb.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertEquals(0, pb.start().waitFor());
            Ssh base = ItSsh.ssh(List.of(), knownHosts, "strict");
            Ssh agentOk = new Ssh("root", 22, null, null, "fatal", null, null, null, null, null, "strict",
                    knownHosts.toString(), 10, 0, 30, null);
            assertEquals("root", whoami(ItSsh.builder(agentOk).agentSocket(socket.toString())));
            assertThrows(TransportException.class,
                    () -> whoami(ItSsh.builder(base).agentSocket(socket.toString())), "keys_only ignores the agent");
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void jumpHostCarriesTheConnection() throws Exception {
        long bastionBefore = bastion.acceptedLogins();
        long targetBefore = target.acceptedLogins();
        Ssh viaBastion = ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict", bastion.host(), null, 0);
        try (JschTransport t = ItSsh.builder(viaBastion).build()) {
            assertEquals("root", t.session(target.host()).run(Command.of("whoami")).strip());
        }
        Thread.sleep(200);
        assertEquals(bastionBefore + 1, bastion.acceptedLogins());
        assertEquals(targetBefore + 1, target.acceptedLogins());
        assertTrue(Files.readString(bastion.log).contains("target 127.0.20.13 port 2222"),
                "the bastion opened the forwarded channel to the target");
    }

    @Test
    void sshConfigIsReadWhenNamed() throws Exception {
        Path config = Files.createTempFile("ssh_config", "");
        Files.writeString(config, "Host app-alias\n  HostName 127.0.20.13\n  Port 2222\n");
        Ssh base = ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict");
        Ssh withConfig = new Ssh("root", 22, null, null, "fatal", true, base.keys(), null,
                List.of(config.toString()), null, "strict", knownHosts.toString(), 10, 0, 30, null);
        try (JschTransport t = ItSsh.builder(withConfig).build()) {
            assertEquals("root", t.session("app-alias").run(Command.of("whoami")).strip());
        }
        try (JschTransport t = ItSsh.builder(base).build()) {
            assertThrows(TransportException.class, () -> t.session("app-alias"), "no config unless named");
        }
    }

    @Test
    void proxyCommandCarriesTheConnection() throws Exception {
        String command = "ssh -q -i " + keys.ed25519 + " -o UserKnownHostsFile=" + knownHosts
                + " -o StrictHostKeyChecking=yes -p 2222 -W %h:%p root@127.0.20.14";
        long bastionBefore = bastion.acceptedLogins();
        Ssh viaCommand = ItSsh.ssh(List.of(keys.ed25519), knownHosts, "strict", null, command, 0);
        assertEquals("root", whoami(ItSsh.builder(viaCommand)));
        Thread.sleep(200);
        assertEquals(bastionBefore + 1, bastion.acceptedLogins());
    }
}
