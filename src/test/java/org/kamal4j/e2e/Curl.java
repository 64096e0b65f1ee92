package org.kamal4j.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * curl against a proxy on a fleet host, under a host name: {@code --resolve NAME:PORT:ADDRESS} pins the name to the
 * fleet address (TLS needs the name for SNI and the certificate check), so nothing but 198.18.0.0/15 is reached.
 */
final class Curl {

    /** What curl wrote: the body (stdout), the {@code -v} trace (stderr), and the {@code -w} line at the end. */
    record Answer(int status, String body, String trace, String redirect) {
    }

    private static final String MARK = "\n@@curl@@ ";

    private final String address;
    private Path caFile;

    Curl(String address) {
        if (!address.startsWith("198.18.") && !address.startsWith("198.19.")) {
            throw new IllegalArgumentException("only fleet addresses: " + address);
        }
        this.address = address;
    }

    /** Trust only this CA for HTTPS (curl's {@code --cacert}). */
    Curl trusting(Path ca) {
        this.caFile = ca;
        return this;
    }

    /** GET {@code scheme://name/path} with extra curl arguments (headers, {@code --data-binary}, ...). */
    Answer get(String scheme, String name, String path, String... extra) throws IOException, InterruptedException {
        int port = scheme.equals("https") ? 443 : 80;
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--max-time", "20", "--resolve",
                name + ":" + port + ":" + address, "-w", MARK + "%{http_code} %{redirect_url}"));
        if (caFile != null) {
            command.addAll(List.of("--cacert", caFile.toString()));
        }
        command.addAll(List.of(extra));
        command.add(scheme + "://" + name + path);
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains(MARK)) {
            throw new IOException("curl " + String.join(" ", command) + " failed:\n" + err);
        }
        String[] w = out.substring(out.lastIndexOf(MARK) + MARK.length()).split(" ", 2);
        return new Answer(Integer.parseInt(w[0]), out.substring(0, out.lastIndexOf(MARK)).strip(), err,
                w.length > 1 ? w[1].strip() : "");
    }
}
