package org.kamal4j.ssh;

import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import org.kamal4j.config.Ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens one authenticated JSch session to a host, directly, through a jump host or a proxy command. */
final class JschConnector {

    private final JSch jsch;
    private final Ssh ssh;
    private final IdentityRepository identities;
    private final HostKeyVerifier verifier;
    private final NoDelaySocketFactory sockets;

    JschConnector(JSch jsch, Ssh ssh, IdentityRepository identities, HostKeyVerifier verifier, boolean noDelay) {
        this.jsch = jsch;
        this.ssh = ssh;
        this.identities = identities;
        this.verifier = verifier;
        this.sockets = new NoDelaySocketFactory(connectTimeoutMillis(), noDelay);
    }

    /** Applies {@code ssh.config}: unset or empty reads no file; "true" means ~/.ssh/config. */
    static void applyConfig(JSch jsch, List<String> config, Path home) throws TransportException {
        if (config == null || config.isEmpty()) {
            return;
        }
        StringBuilder all = new StringBuilder();
        for (String entry : config) {
            Path file = "true".equals(entry) ? home.resolve(".ssh/config") : JschIdentities.expand(entry, home);
            try {
                if (Files.isRegularFile(file) || !"true".equals(entry)) {
                    all.append(Files.readString(file)).append('\n');
                }
            } catch (IOException e) {
                throw new TransportException("Cannot read SSH config " + file + ": " + e.getMessage()
                        + " (fix ssh/config)", e);
            }
        }
        try {
            jsch.setConfigRepository(OpenSSHConfig.parse(all.toString()));
        } catch (IOException e) {
            throw new TransportException("Cannot parse SSH config " + config + ": " + e.getMessage(), e);
        }
    }

    /** Connects and authenticates to {@code target}; the caller owns the returned session. */
    Session open(HostAddress target) throws TransportException {
        if (ssh.proxy() != null && !ssh.proxy().isBlank()) {
            HostAddress jumpHost = HostAddress.parse(ssh.proxy(), "root", 22);
            Session jump = connect(jumpHost, null);
            try {
                return connect(target, new JumpHostProxy(jump));
            } catch (TransportException e) {
                jump.disconnect();
                throw e;
            }
        }
        if (ssh.proxyCommand() != null && !ssh.proxyCommand().isBlank()) {
            return connect(target, new CommandProxy(ssh.proxyCommand(), target.user()));
        }
        return connect(target, null);
    }

    private Session connect(HostAddress a, Proxy proxy) throws TransportException {
        Session s = null;
        try {
            s = jsch.getSession(a.user(), a.host(), a.port());
            s.setSocketFactory(sockets);
            if (proxy != null) {
                s.setProxy(proxy);
            }
            s.setHostKeyRepository(verifier);
            s.setIdentityRepository(identities);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", "publickey");
            s.setServerAliveInterval(Math.max(1, keepaliveSeconds()) * 1000);
            s.setServerAliveCountMax(3);
            s.setDaemonThread(true);
            s.connect(connectTimeoutMillis());
            return s;
        } catch (JSchException e) {
            if (s != null) {
                s.disconnect();
            }
            throw translate(a, s, e);
        }
    }

    private TransportException translate(HostAddress a, Session s, JSchException e) {
        String name = s == null ? a.knownHostsName() : knownHostsName(s);
        HostKeyVerifier.Rejection r = verifier.rejection(name);
        if (r != null && e instanceof JSchHostKeyException) {
            return new TransportException(hostKeyMessage(a, name, r), e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("Auth fail") || m.contains("Auth cancel")) {
            return new TransportException("Authentication failed for " + a + ": the server accepted none of "
                    + "the offered keys. Check ssh/user, ssh/keys (or the settings.xml <server> privateKey and "
                    + "passphrase) and the ssh-agent", e);
        }
        return new TransportException("Could not connect to " + a + ": " + m, e);
    }

    private static String knownHostsName(Session s) {
        String alias = s.getHostKeyAlias();
        if (alias != null) {
            return alias;
        }
        return s.getPort() == 22 ? s.getHost() : "[" + s.getHost() + "]:" + s.getPort();
    }

    private String hostKeyMessage(HostAddress a, String name, HostKeyVerifier.Rejection r) {
        Path file = verifier.file();
        if (r.known().isEmpty()) {
            String scan = "ssh-keyscan" + (a.port() == 22 ? "" : " -p " + a.port()) + " " + a.host();
            return "Host key verification failed for " + a + ": " + name + " is not in " + file
                    + " (its key is " + r.offered() + "). Check that fingerprint, then add the host with `"
                    + scan + " >> " + file + "`, or set the SSH host key policy to accept-new to trust "
                    + "unknown hosts on first connect";
        }
        return "Host key verification failed for " + a + ": the host offered " + r.offered() + " but " + file
                + " expects " + String.join(" or ", r.known()) + " for " + name + ". Someone may be "
                + "intercepting the connection; if the host was reinstalled, remove the old key with `ssh-keygen -R '"
                + name + "' -f " + file + "` and connect again";
    }

    int connectTimeoutMillis() {
        return ssh.connectTimeout() > 0 ? ssh.connectTimeout() * 1000 : 30_000;
    }

    private int keepaliveSeconds() {
        return ssh.keepaliveInterval() > 0 ? ssh.keepaliveInterval() : 30;
    }

}
