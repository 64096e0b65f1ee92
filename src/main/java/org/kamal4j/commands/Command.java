package org.kamal4j.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kamal4j.commands.Command.Text.Kind;

/**
 * One remote command as data: a sequence of parts (literal arguments, remotely expanded arguments and raw
 * shell syntax such as pipes), the secret values it carries, and optional standard input.
 *
 * <p>Builders only return Commands; transports run them. Turning a Command into the single string an SSH exec
 * channel needs happens in exactly one place, {@link ShellQuoting}. Every log line and exception message uses
 * {@link #display()}, which redacts secret values.
 */
public final class Command {

    /** A piece of a command line. */
    public sealed interface Part permits Text, Substitution, Subshell {}

    /** One string of the command line, which {@link ShellQuoting} renders as its {@link Kind} says. */
    public record Text(Kind kind, String text) implements Part {
        public Text {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /** How much of a {@link Text} the remote shell may interpret. */
        public enum Kind {
            /** A literal argument: the remote process receives exactly this string as one argv element. */
            ARG,
            /**
             * One argument in which the remote shell may expand {@code $NAME}, {@code ${NAME}} and {@code $PWD}, as
             * Kamal allows for volumes and {@code ${VAR}} in env values; everything else is taken literally.
             */
            EXPAND,
            /**
             * One argument taken literally except for {@code ${NAME}} groups, which the remote shell expands: the
             * rule Kamal applies to env, label, option and kamal-proxy flag values ({@code $HOME} stays literal).
             */
            INTERPOLATED,
            /**
             * Shell text written by the user and run as written, as Kamal does for a role or accessory {@code cmd},
             * grep options and {@code server exec} commands.
             */
            VERBATIM,
            /**
             * Shell syntax sent verbatim (operators such as {@code |}, {@code &&}, {@code 2>&1}). Never user input.
             */
            RAW
        }
    }

    /**
     * One word made of a literal prefix, the output of {@code inner} ({@code $(...)}) and a literal suffix;
     * {@code quoted} keeps the output as one word, unquoted leaves it to word splitting as Kamal does.
     */
    public record Substitution(String prefix, Command inner, String suffix, boolean quoted) implements Part {
        public Substitution {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(inner, "inner");
            Objects.requireNonNull(suffix, "suffix");
        }
    }

    /**
     * {@code sh -c '<inner>'}: {@code inner} run by a shell of its own, so its operators ({@code ||}, {@code |})
     * stay inside it when the whole is chained with others. {@code inner} stays data until {@link ShellQuoting}
     * renders it, so its secrets are still known (and redacted) in the outer command.
     */
    public record Subshell(Command inner) implements Part {
        public Subshell {
            Objects.requireNonNull(inner, "inner");
        }
    }

    private final List<Part> parts;
    private final Set<String> secrets;
    private final byte[] stdin;
    private final String step;
    private final int timeoutSeconds;

    private Command(List<Part> parts, Set<String> secrets, byte[] stdin) {
        this(parts, secrets, stdin, null, 0);
    }

    private Command(List<Part> parts, Set<String> secrets, byte[] stdin, String step, int timeoutSeconds) {
        this.parts = List.copyOf(parts);
        Set<String> all = new LinkedHashSet<>(secrets);
        for (Part p : parts) {
            if (p instanceof Substitution sub) {
                all.addAll(sub.inner().secrets());
            } else if (p instanceof Subshell sh) {
                all.addAll(sh.inner().secrets());
            }
        }
        this.secrets = Collections.unmodifiableSet(all);
        this.stdin = stdin;
        this.step = step;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** This command named as a step for messages ({@code pull}, {@code label check}, {@code run}, ...). */
    public Command step(String name) {
        return new Command(parts, secrets, stdin, name, timeoutSeconds);
    }

    /**
     * This command with its own time limit in seconds instead of the runner's default, for steps long by nature
     * ({@code docker pull}, a build); 0 keeps the default.
     */
    public Command timeout(int seconds) {
        return new Command(parts, secrets, stdin, step, seconds);
    }

    /** Whether a step name was given ({@link #step}), as the deploy report's timeline shows only those. */
    public boolean named() {
        return step != null;
    }

    /** The step name for messages: the one given, else the first word. */
    public String stepName() {
        return step != null ? step : program();
    }

    /** This command's own time limit in seconds, 0 for the runner's default. */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** A simple command from literal arguments. */
    public static Command of(String... argv) {
        return of(Arrays.asList(argv));
    }

    /** A simple command from literal arguments. */
    public static Command of(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one argument");
        }
        List<Part> parts = new ArrayList<>();
        for (String a : argv) {
            parts.add(new Text(Kind.ARG, a));
        }
        return new Command(parts, Set.of(), null);
    }

    /**
     * Shell syntax written by our own builders ({@code kill -HUP $PPID}, operators, {@code case} tests), sent as is.
     * Never user input: that is {@link #verbatim}.
     */
    public static Command script(String text) {
        return ofParts(List.of(new Text(Kind.RAW, text)));
    }

    /** Shell text written by the user ({@code server exec}), run as written, as Kamal does. */
    public static Command verbatim(String text) {
        return ofParts(List.of(new Text(Kind.VERBATIM, text)));
    }

    /** {@code sh -c '<inner>'}, keeping the inner command's secrets and standard input. */
    public static Command subshell(Command inner) {
        return new Command(List.of(new Subshell(inner)), Set.of(), inner.stdin);
    }

    /** A command from explicit parts. */
    public static Command ofParts(List<? extends Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one part");
        }
        return new Command(new ArrayList<>(parts), Set.of(), null);
    }

    /** The line a step of {@link #steps} writes to stderr when it fails, before its name. */
    public static final String STEP_FAILED = "kamal step failed: ";

    /**
     * Several steps in one round trip: each runs only if the ones before it succeeded, and the first that fails
     * writes {@link #STEP_FAILED}{@code <its step name>} to stderr and ends the remote shell with its own exit
     * status, so the error still names the step that failed ({@code CommandFailedException}), not the first word
     * of the line. Each step is grouped in braces, so its own {@code ;}, {@code |} and {@code ||} stay inside it.
     * The combined command's own step name (for a timeout or a lost connection) is the steps' names joined.
     */
    public static Command steps(List<Command> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps needs at least one command");
        }
        Command all = null;
        for (Command c : steps) {
            Command grouped = group(c).step(null)
                    .or(ofParts(List.of(new Text(Kind.RAW, "{ s=$?; echo"),
                            new Text(Kind.ARG, STEP_FAILED + c.stepName()), new Text(Kind.RAW, ">&2; exit $s; }"))));
            all = all == null ? grouped : all.and(grouped);
        }
        return all.step(String.join(", ", steps.stream().map(Command::stepName).toList()));
    }

    /**
     * {@code { inner ; }}: {@code inner} as one unit of the current shell, so its own operators stay inside it when
     * it is chained with others (no extra process, unlike {@link #subshell}).
     */
    public static Command group(Command inner) {
        return script("{").joinParts(inner).raw(";").raw("}").step(inner.step);
    }

    /** This command's parts followed by {@code next}'s, with no operator between (for grouping). */
    private Command joinParts(Command next) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(next.parts);
        Set<String> s = new LinkedHashSet<>(secrets);
        s.addAll(next.secrets);
        return new Command(all, s, stdin != null ? stdin : next.stdin, null,
                Math.max(timeoutSeconds, next.timeoutSeconds));
    }

    /** This command followed by {@code |} and the next. */
    public Command pipe(Command next) {
        return join("|", next);
    }

    /** This command followed by {@code &&} and the next. */
    public Command and(Command next) {
        return join("&&", next);
    }

    /** This command followed by {@code ||} and the next. */
    public Command or(Command next) {
        return join("||", next);
    }

    /**
     * {@code { this || true ; }}: a step whose failure is ignored (Kamal's {@code raise_on_non_zero_exit: false}),
     * so it can ride in a longer command without ending it.
     */
    public Command tolerated() {
        return group(or(of("true"))).step(step);
    }

    /** This command followed by {@code ;} and the next. */
    public Command then(Command next) {
        return join(";", next);
    }

    /** This command with raw shell syntax appended (for example {@code 2>&1}). */
    public Command raw(String text) {
        List<Part> all = new ArrayList<>(parts);
        all.add(new Text(Kind.RAW, text));
        return new Command(all, secrets, stdin, step, timeoutSeconds);
    }

    private Command join(String operator, Command next) {
        List<Part> all = new ArrayList<>(parts);
        all.add(new Text(Kind.RAW, operator));
        all.addAll(next.parts);
        Set<String> s = new LinkedHashSet<>(secrets);
        s.addAll(next.secrets);
        return new Command(all, s, stdin != null ? stdin : next.stdin, step != null ? step : next.step,
                Math.max(timeoutSeconds, next.timeoutSeconds));
    }

    /** This command marking values that must never be shown (they are redacted in {@link #display()}). */
    public Command withSecrets(Collection<String> values) {
        Set<String> s = new LinkedHashSet<>(secrets);
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                s.add(v);
            }
        }
        return new Command(parts, s, stdin, step, timeoutSeconds);
    }

    /** This command with bytes to send on its standard input (how secrets reach a remote process unseen). */
    public Command withStdin(byte[] input) {
        return new Command(parts, secrets, input.clone(), step, timeoutSeconds);
    }

    /** This command with UTF-8 text on its standard input. */
    public Command withStdin(String input) {
        return withStdin(input.getBytes(StandardCharsets.UTF_8));
    }

    public List<Part> parts() {
        return parts;
    }

    public Set<String> secrets() {
        return secrets;
    }

    /** Standard input for the remote process, or null. */
    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    /** The first word, used in error messages as Kamal does ({@code docker exit status: 1}). */
    public String program() {
        Part first = parts.get(0);
        if (first instanceof Text t) {
            return t.kind() == Kind.VERBATIM ? t.text().split(" ", 2)[0] : t.text();
        }
        if (first instanceof Substitution sub) {
            return sub.inner().program();
        }
        return "sh"; // a Subshell: sh -c '...'
    }

    /** The exact string sent to the remote shell. Contains secrets: never log it; use {@link #display()}. */
    public String toShell() {
        return ShellQuoting.render(this);
    }

    /** The command line with every secret value replaced by {@code [REDACTED]}: safe for logs and errors. */
    public String display() {
        return ShellQuoting.renderRedacted(this);
    }

    /** Replaces every secret value of this command found in {@code text} (for remote stdout/stderr too). */
    public String redact(String text) {
        return Redactor.redact(text, secrets);
    }

    @Override
    public String toString() {
        return display();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Command c && parts.equals(c.parts) && secrets.equals(c.secrets)
                && Arrays.equals(stdin, c.stdin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts, secrets, Arrays.hashCode(stdin));
    }
}
