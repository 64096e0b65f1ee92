package org.kamal4j.ssh;

import java.nio.file.Files;
import java.nio.file.Path;

/** Client key pairs made with ssh-keygen for integration tests. */
final class TestKeys {

    static final String PASSPHRASE = "correct horse battery";

    final Path dir;
    final Path ed25519;
    final Path ecdsa;
    final Path rsa;
    final Path encrypted;

    private TestKeys(Path dir) {
        this.dir = dir;
        this.ed25519 = dir.resolve("id_ed25519");
        this.ecdsa = dir.resolve("id_ecdsa");
        this.rsa = dir.resolve("id_rsa");
        this.encrypted = dir.resolve("id_ed25519_encrypted");
    }

    static TestKeys create() throws Exception {
        TestKeys k = new TestKeys(Files.createTempDirectory("kamal4j-keys-"));
        LocalSshd.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k.ed25519.toString());
        LocalSshd.run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", k.ecdsa.toString());
        LocalSshd.run("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-f", k.rsa.toString());
        LocalSshd.run("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-f", k.encrypted.toString());
        return k;
    }

    static Path pub(Path key) {
        return Path.of(key + ".pub");
    }
}
