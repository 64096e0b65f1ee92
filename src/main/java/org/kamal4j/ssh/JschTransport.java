package org.kamal4j.ssh;

import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import org.kamal4j.config.Secrets;
import org.kamal4j.config.Ssh;
import org.kamal4j.config.Sshkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real SSH transport on JSch: one connection per (host, lane) reused for the whole run, host keys checked
 * against known_hosts, {@code sshkit} caps applied. Build it with {@link #builder}.
 */
public final class JschTransport implements Transport {

    private final Ssh ssh;
    private final Sshkit sshkit;
    private final TransportListener listener;
    private final JschConnector connector;
    private final ConnectionStarts starts;
    private final DnsRetry dns;
    private final Map<String, JschSession> sessions = new ConcurrentHashMap<>();
    /** {@code sshkit.max_concurrent_starts}, at least 1. */
    private final int maxStarts;
    /** Threads of {@link #connectAhead}: max_concurrent_starts, the most hosts it connects ahead. */
    private final ExecutorService ahead;

    private JschTransport(Builder b, JschConnector connector) {
        this.ssh = b.ssh;
        this.sshkit = b.sshkit;
        this.listener = b.listener;
        this.connector = connector;
        this.maxStarts = Math.max(1, sshkit.maxConcurrentStarts());
        this.starts = new ConnectionStarts(maxStarts);
        this.dns = new DnsRetry(sshkit.dnsRetries(), b.sleeper, () -> ThreadLocalRandom.current().nextDouble(),
                listener::warning);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(maxStarts, maxStarts, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "kamal-connect-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        this.ahead = executor;
    }

    /** A builder for a transport using the deploy.yml {@code ssh} and {@code sshkit} settings. */
    public static Builder builder(Ssh ssh, Sshkit sshkit) {
        return new Builder(ssh, sshkit);
    }

    @Override
    public Session session(String host, String lane) throws TransportException {
        HostAddress address;
        try {
            address = address(host);
        } catch (IllegalArgumentException e) {
            throw new TransportException(e.getMessage(), e);
        }
        JschSession session = sessionFor(address, host, lane);
        if (sshkit.poolIdleTimeout() > 0) {
            session.pool().open();
        }
        return session;
    }

    /**
     * Starts every host's handshake now when they can all start at once (no more hosts than max_concurrent_starts):
     * a run that reaches its hosts step by step (the lock on one host, then a command on all) then finds them
     * connected. A larger selection connects as before, host by host as the run reaches it: its first fan-out then
     * overlaps one host's handshake with another's command, which measured faster on 100 hosts (2 cores) than
     * queueing 100 handshakes ahead of the lock (docs/performance.md, session 25).
     */
    @Override
    public void connectAhead(Collection<String> hosts) {
        if (sshkit.poolIdleTimeout() <= 0 || hosts.size() > maxStarts) {
            return; // nothing is kept open for later, or more hosts than may connect at once
        }
        for (String host : hosts) {
            HostAddress address;
            try {
                address = address(host);
            } catch (IllegalArgumentException e) {
                continue; // session() reports it
            }
            sessionFor(address, host, DEFAULT_LANE).pool().openAhead(ahead);
        }
    }

    private HostAddress address(String host) {
        return HostAddress.parse(host, ssh.user() == null ? "root" : ssh.user(), ssh.port() > 0 ? ssh.port() : 22);
    }

    /** The cached session of (host, lane), with its connection not yet opened when new. */
    private JschSession sessionFor(HostAddress address, String host, String lane) {
        return sessions.computeIfAbsent(lane + "\u0000" + host, k -> new JschSession(host,
                new PooledConnection(() -> open(address, host, lane), sshkit.poolIdleTimeout()), listener,
                Math.max(0, ssh.commandTimeout())));
    }

    private com.jcraft.jsch.Session open(HostAddress address, String host, String lane) throws TransportException {
        long t0 = System.nanoTime();
        listener.connectStarted(host, lane);
        try {
            com.jcraft.jsch.Session s = starts.start(() -> dns.run(address.host(), () -> connector.open(address)));
            listener.connectFinished(host, lane, Duration.ofNanos(System.nanoTime() - t0), null);
            return s;
        } catch (TransportException | RuntimeException e) {
            listener.connectFinished(host, lane, Duration.ofNanos(System.nanoTime() - t0), e);
            throw e;
        }
    }

    /** The most connections ever being established at once during this run. */
    public int maxConcurrentStartsSeen() {
        return starts.maxInFlight();
    }

    @Override
    public void close() {
        sessions.values().forEach(s -> s.pool().close());
        ahead.shutdownNow();
    }

    /** Collects the optional parts of a {@link JschTransport}. */
    public static final class Builder {
        private final Ssh ssh;
        private final Sshkit sshkit;
        private SshCredentials credentials = SshCredentials.NONE;
        private Secrets secrets = Secrets.of(Map.of());
        private TransportListener listener = TransportListener.NONE;
        private Path home = Path.of(System.getProperty("user.home"));
        private String agentSocket = System.getenv("SSH_AUTH_SOCK");
        private DnsRetry.Backoff sleeper = Thread::sleep;
        private boolean tcpNoDelay = true;

        private Builder(Ssh ssh, Sshkit sshkit) {
            this.ssh = Objects.requireNonNull(ssh, "ssh");
            this.sshkit = Objects.requireNonNull(sshkit, "sshkit");
        }

        /** Keys and passphrase from settings.xml. */
        public Builder credentials(SshCredentials c) {
            this.credentials = Objects.requireNonNull(c);
            return this;
        }

        /** Secrets, for {@code ssh.key_data} entries naming a secret. */
        public Builder secrets(Secrets s) {
            this.secrets = Objects.requireNonNull(s);
            return this;
        }

        public Builder listener(TransportListener l) {
            this.listener = Objects.requireNonNull(l);
            return this;
        }

        /** The home directory for {@code ~}, default keys and known_hosts (default: user.home). */
        public Builder home(Path h) {
            this.home = Objects.requireNonNull(h);
            return this;
        }

        /** The ssh-agent socket (default: SSH_AUTH_SOCK); null for none. */
        public Builder agentSocket(String socket) {
            this.agentSocket = socket;
            return this;
        }

        /** How DNS retries sleep (tests pass a fake). */
        public Builder sleeper(DnsRetry.Backoff s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /** Turns TCP_NODELAY off; only for measuring what it saves. */
        Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        /** Loads keys, known_hosts and ssh config; fails on an unreadable key or an unknown host key policy. */
        public JschTransport build() throws TransportException {
            JSch jsch = new JSch();
            IdentityRepository ids = JschIdentities.load(jsch, ssh, credentials, secrets, home, agentSocket,
                    listener::warning);
            JschConnector.applyConfig(jsch, ssh.config(), home);
            return new JschTransport(this, new JschConnector(jsch, ssh, ids, verifier(jsch), tcpNoDelay));
        }

        private HostKeyVerifier verifier(JSch jsch) throws TransportException {
            String policy = ssh.hostKeyPolicy() == null ? "strict" : ssh.hostKeyPolicy();
            if (!policy.equals("strict") && !policy.equals("accept-new")) {
                throw new TransportException("Unknown SSH host key policy '" + policy
                        + "': use strict (default) or accept-new");
            }
            Path file = ssh.knownHosts() == null ? home.resolve(".ssh/known_hosts")
                    : JschIdentities.expand(ssh.knownHosts(), home);
            try {
                jsch.setKnownHosts(file.toString());
            } catch (JSchException e) {
                throw new TransportException("Cannot read known hosts file " + file + ": " + e.getMessage(), e);
            }
            return new HostKeyVerifier(jsch.getHostKeyRepository(), file, policy.equals("accept-new"));
        }
    }
}
