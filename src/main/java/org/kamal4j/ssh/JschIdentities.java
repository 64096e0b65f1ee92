package org.kamal4j.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import org.kamal4j.config.Secrets;
import org.kamal4j.config.SecretNotFoundException;
import org.kamal4j.config.Ssh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads the identities a run offers: settings.xml keys, {@code ssh.keys}, {@code ssh.key_data}, the default
 * {@code ~/.ssh/id_*} files when no key is named, and the ssh-agent unless {@code keys_only}.
 */
final class JschIdentities {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private JschIdentities() {}

    /** Adds the key identities to {@code jsch} and returns the repository sessions should use. */
    static IdentityRepository load(JSch jsch, Ssh ssh, SshCredentials credentials, Secrets secrets, Path home,
            String agentSocket, Consumer<String> warnings) throws TransportException {
        byte[] passphrase = credentials.passphrase() == null ? null
                : credentials.passphrase().getBytes(StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>(credentials.keys());
        if (ssh.keys() != null) {
            ssh.keys().forEach(k -> files.add(expand(k, home)));
        }
        boolean keysOnly = Boolean.TRUE.equals(ssh.keysOnly());
        boolean named = !files.isEmpty() || (ssh.keyData() != null && !ssh.keyData().isEmpty());
        if (!named && !keysOnly) {
            DEFAULT_KEYS.stream().map(n -> home.resolve(".ssh").resolve(n)).filter(Files::isRegularFile)
                    .forEach(files::add);
        }
        for (Path f : files) {
            addFile(jsch, f, passphrase);
        }
        addKeyData(jsch, ssh.keyData(), secrets, passphrase, warnings);
        IdentityRepository local = jsch.getIdentityRepository();
        if (keysOnly || agentSocket == null || agentSocket.isBlank()) {
            return local;
        }
        return new CompositeIdentityRepository(List.of(local, agent(agentSocket)));
    }

    private static void addFile(JSch jsch, Path file, byte[] passphrase) throws TransportException {
        if (!Files.isRegularFile(file)) {
            throw new TransportException("SSH key " + file + " not found: fix ssh/keys or the settings.xml "
                    + "<server> privateKey");
        }
        try {
            jsch.addIdentity(file.toString(), passphrase);
        } catch (JSchException e) {
            throw new TransportException("Cannot read SSH key " + file + ": " + e.getMessage()
                    + " Check the passphrase of the settings.xml <server>", e);
        }
    }

    private static void addKeyData(JSch jsch, List<String> keyData, Secrets secrets, byte[] passphrase,
            Consumer<String> warnings) throws TransportException {
        if (keyData == null) {
            return;
        }
        for (int i = 0; i < keyData.size(); i++) {
            String material = resolve(keyData.get(i), secrets, warnings);
            try {
                jsch.addIdentity("ssh/key_data[" + i + "]", material.getBytes(StandardCharsets.UTF_8), null,
                        passphrase);
            } catch (JSchException e) {
                throw new TransportException("Cannot read ssh/key_data entry " + i + ": not a private key", e);
            }
        }
    }

    private static String resolve(String entry, Secrets secrets, Consumer<String> warnings) {
        try {
            return secrets.get(entry);
        } catch (SecretNotFoundException e) {
            warnings.accept("Inline key_data usage is deprecated and will be removed in Kamal 3. "
                    + "Please store your key_data in a secret.");
            return entry;
        }
    }

    private static IdentityRepository agent(String socket) throws TransportException {
        try {
            return new AgentIdentityRepository(new SSHAgentConnector(new UnixDomainSocketFactory(),
                    Path.of(socket)));
        } catch (Exception e) {
            throw new TransportException("Cannot use the ssh-agent at SSH_AUTH_SOCK=" + socket + ": "
                    + e.getMessage() + " (unset SSH_AUTH_SOCK or set ssh/keys_only: true)", e);
        }
    }

    static Path expand(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        return path.startsWith("~/") ? home.resolve(path.substring(2)) : Path.of(path);
    }
}
