package org.kamal4j.flows.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;

/** Runs local commands as real processes; the command line and its output are printed at debug level. */
public final class ProcessLocalRunner implements LocalRunner {

    private final Path workDir;
    private final Output output;

    public ProcessLocalRunner(Path workDir, Output output) {
        this.workDir = workDir;
        this.output = output;
    }

    /** Seconds a local command (a build, a push) may run unless it carries its own limit (a hook's). */
    public static final int DEFAULT_TIMEOUT = 3600;

    @Override
    public ExecResult run(Command command, Map<String, String> extraEnv) throws FlowException,
            InterruptedException {
        output.debug("[local] " + command.display());
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command.toShell())).directory(workDir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        Process p;
        try {
            p = pb.start();
            feed(p.getOutputStream(), command.stdin());
        } catch (IOException e) {
            throw new FlowException("Could not run `" + command.program() + "` locally: " + e.getMessage()
                    + "; check that it is installed and on the PATH", e);
        }
        // Output is read on its own thread so the wait below can give up: nothing local waits forever.
        FutureTask<String> reader = new FutureTask<>(() -> read(p.getInputStream()));
        Thread t = new Thread(reader, "kamal-local-output");
        t.setDaemon(true);
        t.start();
        int limit = command.timeoutSeconds() > 0 ? command.timeoutSeconds() : DEFAULT_TIMEOUT;
        try {
            if (!p.waitFor(limit, TimeUnit.SECONDS)) {
                kill(p);
                throw new FlowException("Timed out after " + limit + " s running " + command.stepName()
                        + " locally");
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        String out = output(reader);
        int status = p.exitValue();
        output.debug("[local] exit " + status + ": " + command.redact(out).strip());
        return new ExecResult(status, command.redact(out), "");
    }

    /** Ends the process and everything it started (a hook's own children too). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String output(FutureTask<String> reader) throws InterruptedException {
        try {
            return reader.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a child that kept our stdout open outlived the command; what was read so far is lost
            return "";
        }
    }

    private static void feed(OutputStream stdin, byte[] bytes) throws IOException {
        try (stdin) {
            if (bytes != null) {
                stdin.write(bytes);
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }
}
