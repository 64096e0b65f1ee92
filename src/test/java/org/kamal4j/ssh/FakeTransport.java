package org.kamal4j.ssh;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kamal4j.commands.Command;

/**
 * A recording {@link Transport} for unit tests: records every command and upload (host, lane, rendered command,
 * time) in order, answers by scripted rules, fails chosen hosts on cue and counts connections per (host, lane).
 * Thread-safe. Unmatched commands succeed with empty output.
 *
 * <pre>{@code
 * FakeTransport fake = new FakeTransport();
 * fake.on("1.1.1.2", cmd -> cmd.contains("docker run")).fail(1, "", "boom");
 * fake.on("*", cmd -> cmd.startsWith("docker container ls")).output("abc\n").delay(Duration.ofMillis(50));
 * fake.unreachable("1.1.1.3", "Connection refused");
 * }</pre>
 */
public final class FakeTransport implements Transport {

    /** One command run: {@code seq} is the global order, {@code nanos} the {@link System#nanoTime()}. */
    public record Exec(long seq, String host, String lane, String command, Command raw, long nanos,
            String thread) {}

    /** One upload. */
    public record Upload(String host, String lane, String path, byte[] content, int mode) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** Computes a scripted answer. */
    @FunctionalInterface
    public interface Answer {
        ExecResult answer(Exec exec) throws TransportException;
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> unreachable = new HashMap<>();
    private final List<Exec> execs = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final Map<List<String>, FakeSession> sessions = new HashMap<>();
    private final Map<List<String>, Integer> connections = new HashMap<>();
    private final List<String> connectAheadCalls = new ArrayList<>();
    private long seq;
    private int closes;

    /** Starts a rule for commands on hosts matching {@code hostGlob} ({@code *}, {@code ?}, {@code [...]}) and {@code command}. */
    public synchronized Rule on(String hostGlob, Predicate<String> command) {
        Rule rule = new Rule(glob(hostGlob), command);
        rules.add(rule);
        return rule;
    }

    /** Connecting to hosts matching {@code hostGlob} fails with a TransportException carrying {@code message}. */
    public synchronized FakeTransport unreachable(String hostGlob, String message) {
        unreachable.put(hostGlob, message);
        return this;
    }

    /** The cached session for (host, lane), connecting (and counting the connection) on first use. */
    @Override
    public synchronized Session session(String host, String lane) throws TransportException {
        for (Map.Entry<String, String> e : unreachable.entrySet()) {
            if (glob(e.getKey()).matcher(host).matches()) {
                throw new TransportException("Could not connect to " + host + ": " + e.getValue());
            }
        }
        return sessions.computeIfAbsent(List.of(host, lane), k -> {
            connections.merge(k, 1, Integer::sum);
            return new FakeSession(host, lane);
        });
    }

    /** Drops the cached sessions; a later {@link #session} connects again. */
    @Override
    public synchronized void close() {
        closes++;
        sessions.clear();
    }

    /** How many times {@link #close} was called. */
    public synchronized int closes() {
        return closes;
    }

    /** Every command run, in order. */
    public synchronized List<Exec> execs() {
        return List.copyOf(execs);
    }

    /** The rendered commands run on {@code host} (any lane), in order. */
    public synchronized List<String> commands(String host) {
        return execs.stream().filter(e -> e.host().equals(host)).map(Exec::command).toList();
    }

    /** The rendered commands run on {@code host} in {@code lane}, in order. */
    public synchronized List<String> commands(String host, String lane) {
        return execs.stream().filter(e -> e.host().equals(host) && e.lane().equals(lane)).map(Exec::command)
                .toList();
    }

    /** Whether some command on {@code host} contains {@code fragment}. */
    public synchronized boolean ran(String host, String fragment) {
        return commands(host).stream().anyMatch(c -> c.contains(fragment));
    }

    /** The hosts that ran at least one command, in order of their first command. */
    public synchronized List<String> hosts() {
        return execs.stream().map(Exec::host).distinct().toList();
    }

    /** Records the call (nothing to connect here): {@link #connectAheadCalls()}. */
    @Override
    public synchronized void connectAhead(Collection<String> hosts) {
        connectAheadCalls.add("after command " + execs.size() + ": " + String.join(",", hosts));
    }

    /** Each {@link #connectAhead} call: how many commands had run before it, then the hosts. */
    public synchronized List<String> connectAheadCalls() {
        return List.copyOf(connectAheadCalls);
    }

    /** How many connections were opened to {@code host} on {@code lane}. */
    public synchronized int connections(String host, String lane) {
        return connections.getOrDefault(List.of(host, lane), 0);
    }

    /** The lanes on which {@code host} was connected, in no particular order. */
    public synchronized List<String> lanes(String host) {
        return connections.keySet().stream().filter(k -> k.get(0).equals(host)).map(k -> k.get(1)).toList();
    }

    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    public synchronized List<Upload> uploads(String host) {
        return uploads.stream().filter(u -> u.host().equals(host)).toList();
    }

    /**
     * Every file written on {@code host}: its uploads, then the files commands carried with them
     * ({@link org.kamal4j.commands.FileWrite}, their standard input the content), in the order they were run.
     */
    public synchronized List<Upload> files(String host) {
        List<Upload> files = new ArrayList<>(uploads(host));
        for (Exec e : execs) {
            Matcher m = CARRIED_WRITE.matcher(e.command());
            if (e.host().equals(host) && m.find()) {
                files.add(new Upload(host, e.lane(), m.group(3), e.raw().stdin(), Integer.parseInt(m.group(1), 8)));
            }
        }
        return files;
    }

    /** How {@link org.kamal4j.commands.FileWrite} renders the last two steps of a write: chmod, then rename. */
    private static final Pattern CARRIED_WRITE = Pattern.compile("chmod ([0-7]+) (\\S+) && mv -f \\2 (\\S+)");

    private synchronized Exec record(String host, String lane, Command command) {
        Exec exec = new Exec(++seq, host, lane, command.toShell(), command, System.nanoTime(),
                Thread.currentThread().getName());
        execs.add(exec);
        return exec;
    }

    private synchronized Rule ruleFor(Exec exec) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.matches(exec) && r.take()) {
                return r;
            }
        }
        return null;
    }

    /** Shell-glob semantics as Kamal's {@code --hosts}: {@code *}, {@code ?} and {@code [...]} classes. */
    private static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (close > 0) {
                String body = glob.substring(i + 1, close);
                re.append('[').append(body.startsWith("!") ? "^" + body.substring(1) : body).append(']');
                i = close;
            } else {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** A scripted answer; the most recently added matching rule wins. */
    public static final class Rule {
        private final Pattern host;
        private final Predicate<String> command;
        private Answer answer = e -> new ExecResult(0, "", "");
        private Duration delay = Duration.ZERO;
        private int remaining = -1;

        private Rule(Pattern host, Predicate<String> command) {
            this.host = host;
            this.command = command;
        }

        /** Answers with this exit status and output. */
        public Rule respond(ExecResult result) {
            return answer(e -> result);
        }

        /** Succeeds printing {@code stdout}. */
        public Rule output(String stdout) {
            return respond(new ExecResult(0, stdout, ""));
        }

        /** Exits non-zero with this output. */
        public Rule fail(int exitStatus, String stdout, String stderr) {
            return respond(new ExecResult(exitStatus, stdout, stderr));
        }

        /** Throws instead of answering (a broken connection, say). */
        public Rule raise(TransportException error) {
            return answer(e -> {
                throw error;
            });
        }

        public synchronized Rule answer(Answer newAnswer) {
            this.answer = newAnswer;
            return this;
        }

        /** Waits this long before answering (interruptible). */
        public synchronized Rule delay(Duration newDelay) {
            this.delay = newDelay;
            return this;
        }

        /** Applies only to the next {@code n} matching commands. */
        public synchronized Rule times(int n) {
            this.remaining = n;
            return this;
        }

        boolean matches(Exec exec) {
            return host.matcher(exec.host()).matches() && command.test(exec.command());
        }

        synchronized boolean take() {
            if (remaining == 0) {
                return false;
            }
            if (remaining > 0) {
                remaining--;
            }
            return true;
        }

        ExecResult apply(Exec exec) throws TransportException {
            Duration d;
            Answer a;
            synchronized (this) {
                d = delay;
                a = answer;
            }
            pause(d);
            return a.answer(exec);
        }

        private static void pause(Duration d) throws TransportException {
            if (d.isZero()) {
                return;
            }
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted", e);
            }
        }
    }

    private final class FakeSession implements Session {
        private final String host;
        private final String lane;

        FakeSession(String host, String lane) {
            this.host = host;
            this.lane = lane;
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public ExecResult exec(Command command) throws TransportException {
            Exec exec = record(host, lane, command);
            Rule rule = ruleFor(exec);
            return rule == null ? new ExecResult(0, "", "") : rule.apply(exec);
        }

        @Override
        public void upload(byte[] content, String remotePath, int mode) {
            synchronized (FakeTransport.this) {
                uploads.add(new Upload(host, lane, remotePath, content.clone(), mode));
            }
        }
    }
}
