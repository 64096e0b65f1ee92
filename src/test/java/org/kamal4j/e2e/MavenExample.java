package org.kamal4j.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.kamal4j.testbed.Fleet;

/**
 * A project under examples/ copied to a temporary directory and pointed at a test fleet (subnet, key and
 * known_hosts) instead of the demo fleet, run through a real {@code mvn} with the freshly packaged plugin installed
 * into a throw-away local repository chained in front of ~/.m2 ({@code maven.repo.local.tail}).
 */
final class MavenExample {

    private static final Path PROJECT = Path.of(System.getProperty("kamal.projectDir", "."));

    final Path dir;
    private final Path repo;
    private final Map<String, String> env;

    private MavenExample(Path dir, Path repo, Map<String, String> env) {
        this.dir = dir;
        this.repo = repo;
        this.env = env;
    }

    /** examples/{@code name} for {@code fleet}; {@code env} is the environment of every mvn run. */
    static MavenExample of(String name, Fleet fleet, Map<String, String> env) throws Exception {
        Path dst = copy(PROJECT.resolve("examples").resolve(name), fleet, name);
        Path repo = Files.createTempDirectory("kamal-e2e-repo-");
        Map<String, String> all = new HashMap<>(env);
        all.put("FLEET_STATE", fleet.stateDir().getParent().toString());
        MavenExample example = new MavenExample(dst, repo, all);
        Path jar = PROJECT.resolve("target/kamal-maven-plugin-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "run through `mvn verify`, which packages " + jar);
        example.run(PROJECT, true, "org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file", "-Dfile=" + jar,
                "-DpomFile=" + PROJECT.resolve("pom.xml"));
        return example;
    }

    /** {@code mvn ARGS} in the example; fails the test unless it succeeds. */
    String mvn(String... args) throws Exception {
        return run(dir, true, args);
    }

    /** {@code mvn ARGS} in the example; fails the test unless it fails. */
    String mvnFailing(String... args) throws Exception {
        return run(dir, false, args);
    }

    private String run(Path in, boolean succeeds, String... args) throws Exception {
        return exec(in, command(args), env, succeeds);
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("mvnw").toString(), "-B", "-o",
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"),
                        ".m2/repository")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@code mvn ARGS} in the example and returns at once (output merged into stdout). SIGINT is reset to its
     * default first ({@code env --default-signal=INT}): a JVM started with SIGINT ignored would never see Ctrl-C.
     * mvnw and mvn end in {@code exec}, so the process is Maven's JVM itself.
     */
    Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT"));
        cmd.addAll(command(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs {@code cmd}; returns its merged output, failing the test unless it exits 0 ({@code succeeds}) or not. */
    static String exec(Path dir, List<String> cmd, Map<String, String> env, boolean succeeds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "timed out: " + cmd);
        String text = new String(out, StandardCharsets.UTF_8);
        System.out.println("[MavenExample] $ " + String.join(" ", cmd) + "\n" + text);
        assertEquals(succeeds, p.exitValue() == 0, "exit " + p.exitValue() + ": " + cmd + "\n" + text);
        return text;
    }

    private static Path copy(Path src, Fleet fleet, String name) throws IOException {
        Path dst = Files.createTempDirectory("kamal-e2e-" + name + "-");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.toList()) {
                Path target = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.toString().contains("/target/")) {
                    Files.copy(f, target);
                }
            }
        }
        Path yml = dst.resolve("config/deploy.yml");
        String prefix = fleet.registry().replaceAll("\\.1:5000$", ".");
        Files.writeString(yml, Files.readString(yml).replace("198.18.60.", prefix).replace("/demo/", "/"
                + fleet.name() + "/"));
        return dst;
    }
}
