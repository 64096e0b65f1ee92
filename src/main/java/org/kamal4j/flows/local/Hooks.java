package org.kamal4j.flows.local;

import java.nio.file.Files;
import java.util.Collection;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;

/**
 * Runs Kamal's hooks: executables named after the hook in {@code hooks_path} on the deploying machine. A hook
 * runs only if its file exists; a non-zero exit stops the flow with {@code Hook `<name>` failed:} and its output.
 */
public final class Hooks {

    /** Hooks that also receive every secret in their environment. */
    public static final Set<String> WITH_SECRETS = Set.of("pre-connect", "pre-deploy",
            "post-deploy");

    private final Path directory;
    private final LocalRunner local;
    private final Output output;
    private final boolean skip;
    private final int timeoutSeconds;

    /** Seconds a hook may run before it is killed and fails the flow ({@code -Dkamal.hookTimeout}). */
    public static final int DEFAULT_TIMEOUT = 300;

    /**
     * @param directory {@code hooks_path} resolved against the project directory
     * @param skip      true to run no hook at all ({@code -Dkamal.skipHooks})
     */
    public Hooks(Path directory, LocalRunner local, Output output, boolean skip) {
        this(directory, local, output, skip, DEFAULT_TIMEOUT);
    }

    private Hooks(Path directory, LocalRunner local, Output output, boolean skip, int timeoutSeconds) {
        this.directory = directory;
        this.local = local;
        this.output = output;
        this.skip = skip;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** These hooks with another time limit per hook, in seconds (at least 1). */
    public Hooks withTimeout(int seconds) {
        return new Hooks(directory, local, output, skip, Math.max(1, seconds));
    }

    /** A hooks runner that never runs anything. */
    public static Hooks none(Output output) {
        return new Hooks(Path.of("."), (c, e) -> new ExecResult(0, "", ""), output, true);
    }

    /** Whether the hook {@code name} exists and would run. */
    public boolean exists(String name) {
        return !skip && Files.isRegularFile(directory.resolve(name));
    }

    /**
     * Runs the hook {@code name}, if present, with {@code environment} added to the process environment;
     * {@code secrets} are masked in its output and in the failure message.
     */
    public void run(String name, Map<String, String> environment, Collection<String> secrets)
            throws FlowException, InterruptedException {
        if (!exists(name)) {
            return;
        }
        Path file = directory.resolve(name);
        output.info("Running the " + name + " hook...");
        ExecResult r = local.run(Command.of(file.toString()).withSecrets(secrets).step("the " + name + " hook")
                .timeout(timeoutSeconds), environment);
        if (!r.ok()) {
            throw new FlowException("Hook `" + name + "` failed:\n" + name + " exit status: " + r.exitStatus()
                    + "\n" + name + " output: " + (r.stdout().isBlank() ? "Nothing written" : r.stdout().strip()));
        }
        r.stdout().lines().forEach(l -> output.info("[" + name + "] " + l));
    }
}
