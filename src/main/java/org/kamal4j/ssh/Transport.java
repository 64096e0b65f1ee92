package org.kamal4j.ssh;

import java.util.Collection;

/**
 * Reaches hosts. Implementations: the JSch transport (real SSH), a dry-run printer, and the recording fake used
 * by unit tests.
 *
 * <p>Thread-safety: {@link #session} may be called from many threads at once. It returns the same open
 * {@link Session} for the same (host, lane) for the whole run, so a run opens one connection per host (per lane);
 * the first call for a key connects, later calls reuse it.
 */
public interface Transport extends AutoCloseable {

    /** The default lane: every step of a run on one host shares this connection. */
    String DEFAULT_LANE = "";

    /** The session to {@code host} on the default lane, connecting on first use. */
    default Session session(String host) throws TransportException {
        return session(host, DEFAULT_LANE);
    }

    /**
     * The session to {@code host} on {@code lane}. Distinct lanes get distinct connections, which is how
     * {@code boot.parallel_roles} gives each role on a host its own connection.
     */
    Session session(String host, String lane) throws TransportException;

    /**
     * Starts connecting to {@code hosts} on the default lane in the background, so the connections are open (or
     * opening) when the run first needs them instead of one after the other as it reaches each host. Nothing is
     * reported here: a host that cannot be reached fails the first {@link #session} or command on it, as without
     * this call. Does nothing where there is nothing to connect (the dry run, the recording fake); the JSch
     * transport only when no more hosts are given than may connect at once ({@code sshkit.max_concurrent_starts}).
     */
    default void connectAhead(Collection<String> hosts) {}

    /** Closes every connection opened by this transport. Idempotent. */
    @Override
    void close();
}
