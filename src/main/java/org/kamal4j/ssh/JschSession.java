package org.kamal4j.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntFunction;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.FileWrite;
import org.kamal4j.commands.RandomHex;

/** A {@link Session} running each command on its own exec channel of the pooled connection. */
final class JschSession implements Session {

    private static final IntFunction<String> HEX = RandomHex.secure();

    private final String host;
    private final PooledConnection pool;
    private final TransportListener listener;
    private final long commandTimeoutNanos;

    JschSession(String host, PooledConnection pool, TransportListener listener, int commandTimeoutSeconds) {
        this.host = host;
        this.pool = pool;
        this.listener = listener;
        this.commandTimeoutNanos = commandTimeoutSeconds * 1_000_000_000L;
    }

    @Override
    public String host() {
        return host;
    }

    /** The connection this session's commands run on. */
    PooledConnection pool() {
        return pool;
    }

    @Override
    public ExecResult exec(Command command) throws TransportException {
        long start = System.nanoTime();
        int status = -1;
        com.jcraft.jsch.Session s = pool.borrow();
        try {
            ExecResult result = run(s, command);
            status = result.exitStatus();
            return result;
        } finally {
            pool.release(s);
            listener.commandRun(host, command.display(), Duration.ofNanos(System.nanoTime() - start), status);
        }
    }

    /** One round trip ({@link FileWrite}: the file never exists with a wider mode than asked, nor half written). */
    @Override
    public void upload(byte[] content, String remotePath, int mode) throws TransportException {
        Command write = FileWrite.of(content, remotePath, mode, HEX.apply(12));
        ExecResult r = exec(write);
        if (!r.ok()) {
            throw new TransportException("Upload of " + remotePath + " to " + host + " failed (exit status "
                    + r.exitStatus() + "): " + r.stderr().strip());
        }
    }

    @Override
    public int attach(Command command, InputStream in, OutputStream out) throws TransportException {
        long start = System.nanoTime();
        int status = -1;
        com.jcraft.jsch.Session s = pool.borrow();
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) s.openChannel("exec");
            channel.setCommand(command.toShell().getBytes(StandardCharsets.UTF_8));
            // a remote terminal: `docker run -it` gets its TTY, and closing the channel hangs it up (SIGHUP)
            channel.setPty(true);
            String term = System.getenv("TERM");
            channel.setPtyType(term == null || term.isBlank() ? "xterm" : term);
            if (in != null) {
                channel.setInputStream(in, true);
            }
            channel.setOutputStream(out, true);
            channel.setErrStream(out, true);
            channel.connect(s.getTimeout() > 0 ? s.getTimeout() : 30_000);
            while (!channel.isClosed()) {
                if (!s.isConnected()) {
                    throw new ConnectionLostException(lostDuring(command));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }
            status = channel.getExitStatus();
            return status;
        } catch (JSchException e) {
            throw failed(s, command, e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
            pool.release(s);
            listener.commandRun(host, command.display(), Duration.ofNanos(System.nanoTime() - start), status);
        }
    }

    private ExecResult run(com.jcraft.jsch.Session s, Command command) throws TransportException {
        ChannelExec channel = null;
        try {
            channel = (ChannelExec) s.openChannel("exec");
            channel.setCommand(command.toShell().getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            channel.setOutputStream(out, true);
            channel.setErrStream(err, true);
            channel.connect(s.getTimeout() > 0 ? s.getTimeout() : 30_000);
            sendStdin(channel, command.stdin());
            await(s, channel, command);
            return new ExecResult(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (JSchException | IOException e) {
            throw failed(s, command, e);
        } finally {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }

    /** Sends stdin (if any) then end-of-file, so a remote reader of stdin never waits forever. */
    private static void sendStdin(ChannelExec channel, byte[] stdin) throws IOException {
        OutputStream in = channel.getOutputStream();
        if (stdin != null) {
            in.write(stdin);
        }
        in.close();
    }

    /**
     * A command that could not be sent or read: said as a lost connection when the session is gone (JSch's own
     * words, e.g. "session is down", name neither the host nor the step), else with JSch's message.
     */
    private TransportException failed(com.jcraft.jsch.Session s, Command command, Exception e) {
        if (!s.isConnected()) {
            return new ConnectionLostException(lostDuring(command), e);
        }
        return new TransportException("Could not run " + command.stepName() + " (`" + command.display() + "`) on "
                + host + ": " + command.redact(String.valueOf(e.getMessage())), e);
    }

    private String lostDuring(Command command) {
        return "Lost the connection to " + host + " during " + command.stepName() + ": `" + command.display()
                + "` (the host stopped answering SSH keepalives or closed the connection)";
    }

    private void await(com.jcraft.jsch.Session s, ChannelExec channel, Command command) throws TransportException {
        long started = System.nanoTime();
        long limit = limitNanos(command);
        int polls = 0;
        while (!channel.isClosed()) {
            if (!s.isConnected()) {
                throw new ConnectionLostException(lostDuring(command));
            }
            if (limit > 0 && System.nanoTime() - started > limit) {
                throw new TransportException("Timed out after " + limit / 1_000_000_000L + " s running "
                        + command.stepName() + " on " + host + ": `" + command.display()
                        + "` (ssh command_timeout, -Dkamal.deploy.ssh.command_timeout; 0 = none)");
            }
            pause(polls++ < 200 ? 1 : 10, command);
        }
    }

    /** The session's limit, or the command's own when longer (a pull); none when the session has none. */
    private long limitNanos(Command command) {
        if (commandTimeoutNanos == 0) {
            return 0;
        }
        return Math.max(commandTimeoutNanos, command.timeoutSeconds() * 1_000_000_000L);
    }

    private void pause(long millis, Command command) throws TransportException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while running `" + command.display() + "` on " + host, e);
        }
    }
}
