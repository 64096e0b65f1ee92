package org.kamal4j.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A throw-away certificate authority and one server certificate signed by it, made with openssl at test time
 * (nothing secret is kept in the repository): {@link #ca()} is what the HTTPS client trusts, {@link #cert()} and
 * {@link #key()} (PEM) are what kamal-proxy serves for the names given.
 */
record TestCa(Path ca, Path cert, Path key) {

    static final String CA_NAME = "kamal4j test CA";

    /** Makes the CA and a certificate for {@code names} (the first is the subject CN, all are SANs) in {@code dir}. */
    static TestCa create(Path dir, String... names) throws IOException, InterruptedException {
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days",
                "2", "-subj", "/CN=" + CA_NAME);
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.csr", "-subj",
                "/CN=" + names[0]);
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=" + Arrays.stream(names).map(n -> "DNS:" + n)
                .collect(Collectors.joining(",")) + "\n");
        openssl(dir, "x509", "-req", "-in", "cert.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "cert.pem", "-days", "2", "-extfile", "san.ext");
        return new TestCa(dir.resolve("ca.pem"), dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed:\n" + out);
        }
    }
}
