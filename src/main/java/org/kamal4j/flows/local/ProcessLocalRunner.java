package org.kamal4j.flows.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Override
    public ExecResult run(Command command, Map<String, String> extraEnv) throws FlowException,
            InterruptedException {
        output.debug("[local] " + command.display());
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command.toShell())).directory(workDir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(extraEnv);
        try {
            Process p = pb.start();
            feed(p.getOutputStream(), command.stdin());
            String out = read(p.getInputStream());
            int status = p.waitFor();
            output.debug("[local] exit " + status + ": " + command.redact(out).strip());
            return new ExecResult(status, command.redact(out), "");
        } catch (IOException e) {
            throw new FlowException("Could not run `" + command.program() + "` locally: " + e.getMessage()
                    + "; check that it is installed and on the PATH", e);
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
