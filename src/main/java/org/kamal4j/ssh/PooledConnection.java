package org.kamal4j.ssh;

import com.jcraft.jsch.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * The connection of one (host, lane): opened lazily by the first user (others for the same key wait rather than
 * connect too), reopened when it dropped or sat idle longer than {@code sshkit.pool_idle_timeout}; with a
 * timeout of 0 every use gets its own connection, closed after it. {@link #openAhead} starts the opening on
 * another thread, so the handshake overlaps other work; the first use then waits for it and gets its failure.
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
    /** An opening started by {@link #openAhead}, not yet taken by {@link #borrow}. */
    private CompletableFuture<Session> ahead;
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
        if (ahead != null) {
            session = awaitAhead();
            lastReleased = System.nanoTime(); // idle since it opened, not since the start of the clock
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

    /**
     * Starts opening the connection on {@code executor} unless it is open, being opened or never pooled: a failure
     * is not reported here but by the next {@link #borrow}, as if that had connected itself.
     */
    synchronized void openAhead(Executor executor) {
        if (closed || idleNanos <= 0 || session != null || ahead != null) {
            return;
        }
        ahead = CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open();
            } catch (TransportException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** The connection {@link #openAhead} opened, or its failure; an interrupted wait leaves it to {@link #close}. */
    private Session awaitAhead() throws TransportException {
        try {
            Session opened = ahead.get();
            ahead = null;
            return opened;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to connect", e);
        } catch (ExecutionException e) {
            ahead = null;
            if (e.getCause() instanceof TransportException t) {
                throw t;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new TransportException(String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Opens the connection now if it is not open. */
    void open() throws TransportException {
        release(borrow());
    }

    synchronized void close() {
        closed = true;
        if (ahead != null) {
            // nobody took it: close it when (if) it opens, without waiting for a slow host here
            ahead.thenAccept(Session::disconnect);
            ahead = null;
        }
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }
}
