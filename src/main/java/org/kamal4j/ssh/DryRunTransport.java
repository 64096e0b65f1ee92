package org.kamal4j.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.kamal4j.commands.Command;

/**
 * Connects nowhere: prints each command as {@code [host] <display>} to a sink and answers exit 0 with empty
 * output, or what a script answers. Uploads are printed by path, mode and size, never by content.
 */
public final class DryRunTransport implements Transport {

    private final Consumer<String> sink;
    private final BiFunction<String, Command, ExecResult> answers;
    private final TransportListener listener;

    /** Prints to {@code sink}; every command succeeds with no output. */
    public DryRunTransport(Consumer<String> sink) {
        this(sink, (host, command) -> new ExecResult(0, "", ""), TransportListener.NONE);
    }

    /** Prints to {@code sink}; {@code answers} gives each command's result from (host, command). */
    public DryRunTransport(Consumer<String> sink, BiFunction<String, Command, ExecResult> answers,
            TransportListener listener) {
        this.sink = Objects.requireNonNull(sink);
        this.answers = Objects.requireNonNull(answers);
        this.listener = Objects.requireNonNull(listener);
    }

    @Override
    public Session session(String host, String lane) {
        return new Session() {
            @Override
            public String host() {
                return host;
            }

            @Override
            public ExecResult exec(Command command) {
                sink.accept("[" + host + "] " + command.display());
                ExecResult r = answers.apply(host, command);
                listener.commandRun(host, command.display(), Duration.ZERO, r.exitStatus());
                return r;
            }

            @Override
            public void upload(byte[] content, String remotePath, int mode) {
                sink.accept(String.format("[%s] upload %s (mode %04o, %d bytes)", host, remotePath, mode,
                        content.length));
            }

            @Override
            public int attach(Command command, InputStream in, OutputStream out) {
                sink.accept("[" + host + "] (terminal) " + command.display());
                return answers.apply(host, command).exitStatus();
            }
        };
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
