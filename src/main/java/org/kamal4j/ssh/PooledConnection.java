package org.kamal4j.ssh;

import com.jcraft.jsch.Session;

/**
 * The connection of one (host, lane): opened lazily by the first user (others for the same key wait rather than
 * connect too), reopened when it dropped or sat idle longer than {@code sshkit.pool_idle_timeout}; with a
 * timeout of 0 every use gets its own connection, closed after it.
 */
final class PooledConnection {

    /** Opens a new authenticated session. */
    @FunctionalInterface
    interface Opener {
        Session open() throws TransportException;
    }

    private final Opener opener;
    private final long idleNanos;
    private Session session;
    private long lastReleased;
    private int inUse;
    private boolean closed;

    PooledConnection(Opener opener, int poolIdleTimeoutSeconds) {
        this.opener = opener;
        this.idleNanos = poolIdleTimeoutSeconds * 1_000_000_000L;
    }

    /** A connected session for one use; give it back with {@link #release}. */
    synchronized Session borrow() throws TransportException {
        if (closed) {
            throw new TransportException("The SSH transport is closed; no more commands can run");
        }
        if (idleNanos <= 0) {
            return opener.open();
        }
        if (session != null && (!session.isConnected() || (inUse == 0 && idle()))) {
            session.disconnect();
            session = null;
        }
        if (session == null) {
            session = opener.open();
        }
        inUse++;
        return session;
    }

    private boolean idle() {
        return System.nanoTime() - lastReleased > idleNanos;
    }

    /** Ends one use of {@code used}. */
    synchronized void release(Session used) {
        if (idleNanos <= 0) {
            used.disconnect();
            return;
        }
        inUse--;
        lastReleased = System.nanoTime();
    }

    /** Opens the connection now if it is not open. */
    void open() throws TransportException {
        release(borrow());
    }

    synchronized void close() {
        closed = true;
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }
}
