package org.kamal4j.flows.steps;

import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.FlowException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.TransportException;

/**
 * Follows logs on several hosts at once ({@code -Dkamal.follow=true}): one remote terminal per host running the
 * {@code docker logs --follow} command, every line printed under its host as it arrives, until the goal ends
 * (the calling thread is interrupted, or Ctrl-C runs the JVM shutdown hook). Ending closes every channel, which
 * hangs up the remote terminals and so ends the remote {@code docker logs} processes: nothing is left running.
 */
public final class LogFollow {

    private final FlowContext ctx;

    public LogFollow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Streams {@code commands} (host -> command) until interrupted or every stream ended.
     *
     * @throws FlowException naming each host whose stream could not be started or ended with a failure
     */
    public void run(Map<String, Command> commands) throws FlowException, InterruptedException {
        Map<String, String> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, Command> e : new LinkedHashMap<>(commands).entrySet()) {
            String host = e.getKey();
            Thread t = new Thread(() -> follow(host, e.getValue(), failures), "kamal-logs-" + host);
            threads.add(t);
        }
        Thread stopper = new Thread(() -> stop(threads), "kamal-logs-stop");
        ctx.shutdownHooks().add(stopper);
        try {
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            stop(threads);
            throw e;
        } finally {
            ctx.shutdownHooks().remove(stopper);
        }
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder("Following logs failed on " + failures.size() + " host(s):");
            failures.forEach((h, m) -> sb.append("\n  ").append(h).append(": ").append(m));
            throw new FlowException(sb.toString());
        }
    }

    private void follow(String host, Command command, Map<String, String> failures) {
        try (LineSink sink = new LineSink(host)) {
            int status = ctx.transport().session(host).attach(command, null, sink);
            if (status > 0) {
                failures.put(host, "exit status " + status);
            }
        } catch (TransportException e) {
            failures.put(host, e.getMessage());
        }
    }

    /** Interrupts every stream (each closes its channel) and waits briefly for them to finish. */
    private static void stop(List<Thread> threads) {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Splits the terminal's output into lines (dropping the terminal's CR) and prints each under the host. */
    private final class LineSink extends OutputStream {
        private final String host;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(String host) {
            this.host = host;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        private void flushLine() {
            ctx.output().info(host, line.toString(StandardCharsets.UTF_8));
            line.reset();
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }
    }
}
