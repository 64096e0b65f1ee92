package org.kamal4j.ssh;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kamal4j.commands.Command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Host key verification against a real sshd: strict, accept-new, hashed entries, changed keys. */
class JschHostKeysIT {

    private static TestKeys keys;
    private static LocalSshd sshd;

    @BeforeAll
    static void start() throws Exception {
        keys = TestKeys.create();
        sshd = LocalSshd.start("127.0.20.12", 2222, List.of(TestKeys.pub(keys.ed25519)));
    }

    @AfterAll
    static void stop() throws Exception {
        sshd.close();
    }

    private static String connect(Path knownHosts, String policy) throws Exception {
        try (JschTransport t = ItSsh.builder(ItSsh.ssh(List.of(keys.ed25519), knownHosts, policy)).build()) {
            return t.session(sshd.host()).run(Command.of("echo", "in"));
        }
    }

    @Test
    void changedKeyNamesHostBothFingerprintsAndTheFix() throws Exception {
        Path other = keys.dir.resolve("other_host_key");
        LocalSshd.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        String otherPub = Files.readString(TestKeys.pub(other)).strip().split(" ")[1];
        Path known = Files.createTempFile("known_hosts", "");
        Files.writeString(known, "[127.0.20.12]:2222 ssh-ed25519 " + otherPub + "\n");
        String expectedFp = Fingerprints.sha256(Base64.getDecoder().decode(otherPub));

        for (String policy : List.of("strict", "accept-new")) {
            TransportException e = assertThrows(TransportException.class, () -> connect(known, policy));
            assertEquals("Host key verification failed for root@127.0.20.12:2222: the host offered "
                    + sshd.fingerprint() + " but " + known + " expects " + expectedFp + " for [127.0.20.12]:2222. "
                    + "Someone may be intercepting the connection; if the host was reinstalled, remove the old key "
                    + "with `ssh-keygen -R '[127.0.20.12]:2222' -f " + known + "` and connect again", e.getMessage());
        }
        assertEquals("[127.0.20.12]:2222 ssh-ed25519 " + otherPub + "\n", Files.readString(known),
                "a changed key is never written");
    }

    @Test
    void unknownHostInStrictModeSaysHowToAddIt() throws Exception {
        Path known = Files.createTempFile("known_hosts", "");
        TransportException e = assertThrows(TransportException.class, () -> connect(known, "strict"));
        assertEquals("Host key verification failed for root@127.0.20.12:2222: [127.0.20.12]:2222 is not in "
                + known + " (its key is " + sshd.fingerprint() + "). Check that fingerprint, then add the host "
                + "with `ssh-keyscan -p 2222 127.0.20.12 >> " + known + "`, or set the SSH host key policy to "
                + "accept-new to trust unknown hosts on first connect", e.getMessage());
        assertEquals("", Files.readString(known));
    }

    @Test
    void acceptNewRecordsTheKeyThenStrictAcceptsIt() throws Exception {
        Path known = Files.createTempDirectory("kh").resolve("sub/known_hosts");
        assertEquals("in\n", connect(known, "accept-new"));
        assertEquals(sshd.knownHostsLine(), Files.readString(known));
        assertEquals("in\n", connect(known, "strict"));
        assertEquals("in\n", connect(known, "accept-new"));
        assertEquals(sshd.knownHostsLine(), Files.readString(known), "appended once only");
    }

    @Test
    void hashedKnownHostsEntriesMatch() throws Exception {
        Path known = ItSsh.knownHosts(sshd);
        LocalSshd.run("ssh-keygen", "-q", "-H", "-f", known.toString());
        assertTrue(Files.readString(known).startsWith("|1|"), "the file is hashed");
        assertEquals("in\n", connect(known, "strict"));
    }
}
