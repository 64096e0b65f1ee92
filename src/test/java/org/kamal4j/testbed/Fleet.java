package org.kamal4j.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A local fleet of test hosts (network namespaces with sshd, optionally dockerd) made by src/it/fleet/fleet.sh. */
public final class Fleet {

    private static final Map<String, Fleet> UP = new ConcurrentHashMap<>();
    private static final String ACCEPTED = "Accepted publickey for ";

    private final String name;
    private final Path dir;
    private final List<String> hosts;
    private final boolean docker;
    private boolean imagesPushed;
    private boolean jrePushed;

    private Fleet(String name, Path dir, List<String> hosts, boolean docker) {
        this.name = name;
        this.dir = dir;
        this.hosts = List.copyOf(hosts);
        this.docker = docker;
    }

    /** Brings up COUNT sshd hosts named NAME (once per JVM; the script itself is idempotent too). */
    public static Fleet up(String name, int count) {
        return up(name, count, 0, false);
    }

    /**
     * Like {@link #up(String, int)} but every host also runs its own dockerd, plus a registry and a local dockerd;
     * the test images (busybox, app:v1, app:v2, app:unhealthy) are built and pushed once per JVM.
     */
    public static Fleet upWithDocker(String name, int count) {
        Fleet fleet = up(name, count, 0, true);
        fleet.pushImages();
        return fleet;
    }

    /** Full form: subnet 0 lets fleet.sh derive one from the name (or reuse the running fleet's). */
    public static synchronized Fleet up(String name, int count, int subnet, boolean docker) {
        String tag = System.getenv().getOrDefault("KAMAL_FLEET_TAG", "");
        if (!tag.isEmpty()) {
            // Several test runs on one machine (parallel work trees): each tags its fleets, which then get their own
            // namespaces, bridge and a derived free subnet instead of the fixed one.
            name = (name + tag).substring(0, Math.min(5, name.length() + tag.length()));
            subnet = 0;
        }
        Fleet known = UP.get(name);
        if (known != null && known.hosts.size() == count && known.docker == docker) {
            return known;
        }
        List<String> args = new ArrayList<>(List.of("up", name, Integer.toString(count)));
        if (subnet > 0) {
            args.addAll(List.of("--subnet", Integer.toString(subnet)));
        }
        if (docker) {
            args.add("--docker");
        }
        script(args);
        Path dir = stateRoot().resolve(name);
        Fleet fleet = new Fleet(name, dir, readLines(dir.resolve("hosts.txt")), docker);
        UP.put(name, fleet);
        return fleet;
    }

    /** Stops every process of this fleet and deletes its namespaces, bridge and state directory. */
    public synchronized void down() {
        UP.remove(name);
        script(List.of("down", name));
    }

    /** Builds the test images with the local dockerd and pushes them to the registry (src/it/fleet/images.sh). */
    public synchronized void pushImages() {
        if (!imagesPushed) {
            Proc.run(List.of(projectDir().resolve("src/it/fleet/images.sh").toString(), name), Map.of(), 600);
            imagesPushed = true;
        }
    }

    /** Pushes the Java 17 base image {@code jre:17} of Jib builds to the registry (src/it/fleet/jre-image.sh). */
    public synchronized void pushJreImage() {
        if (!jrePushed) {
            Proc.run(List.of(projectDir().resolve("src/it/fleet/jre-image.sh").toString(), name), Map.of(), 600);
            jrePushed = true;
        }
    }

    /** The fleet registry, host:port (198.18.N.1:5000); every daemon of the fleet trusts it over plain HTTP. */
    public String registry() {
        requireDocker();
        return readLines(dir.resolve("registry.address")).get(0);
    }

    /**
     * The deploy.yml sections that reach this fleet: its registry (password from {@code KAMAL_REGISTRY_PASSWORD}),
     * amd64 builds, and root over SSH with the fleet's key and known_hosts (strict host keys).
     */
    public String accessYaml() {
        return """
                registry:
                  server: %s
                  username: deployer
                  password:
                    - KAMAL_REGISTRY_PASSWORD
                builder:
                  arch: amd64
                ssh:
                  user: root
                  keys_only: true
                  keys:
                    - %s
                  known_hosts: %s
                """.formatted(registry(), key(), knownHosts());
    }

    /** The HTTP status of {@code GET <path>} on the fleet registry (e.g. 404 for a manifest never pushed). */
    public int registryStatus(String path) {
        try {
            HttpClient http = HttpClient.newBuilder()
                    .proxy(HttpClient.Builder.NO_PROXY).build();
            return http.send(HttpRequest.newBuilder(URI.create("http://" + registry() + path))
                    .header("Accept", "application/vnd.docker.distribution.manifest.v2+json").build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A pushed test image in the fleet registry, e.g. {@code image("app:v1")} is 198.18.N.1:5000/app:v1. */
    public String image(String nameAndTag) {
        return registry() + "/" + nameAndTag;
    }

    /** DOCKER_HOST of the deploying machine's dockerd (unix:///run/docker-NAME-local.sock). */
    public String localDockerHost() {
        requireDocker();
        return readLines(dir.resolve("docker.host")).get(0);
    }

    /** DOCKER_HOST of one host's own dockerd (what its sshd sets for remote commands). */
    public String dockerHost(String host) {
        return "unix:///run/docker-" + hostName(host) + ".sock";
    }

    /** Runs the Debian docker CLI directly against a host's daemon (no SSH) and returns stdout; fails on non-zero. */
    public String docker(String host, String... args) {
        requireDocker();
        return dockerAt(dockerHost(host), args);
    }

    /** Runs the docker CLI against the deploying machine's (local) dockerd and returns stdout; fails on non-zero. */
    public String localDocker(String... args) {
        return dockerAt(localDockerHost(), args);
    }

    private static String dockerAt(String dockerHost, String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/docker", "-H", dockerHost));
        command.addAll(List.of(args));
        return Proc.run(command, Map.of(), 300);
    }

    private void requireDocker() {
        if (!docker) {
            throw new IllegalStateException("Fleet " + name + " has no Docker; bring it up with Fleet.upWithDocker");
        }
    }

    /** Runs a command on a host as root with the system ssh client and the fleet's key; returns stdout. */
    public String ssh(String host, String command) {
        return Proc.run(List.of("ssh", "-i", key().toString(), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + knownHosts(), "-o", "StrictHostKeyChecking=yes",
                "-o", "ConnectTimeout=20", "root@" + host, command), Map.of(), 300);
    }

    /** The fleet's short name (namespaces are NAME-1, NAME-2, ...). */
    public String name() {
        return name;
    }

    /** Host addresses in order: 198.18.N.11, 198.18.N.12, ... */
    public List<String> hosts() {
        return hosts;
    }

    /** The i-th host address, 1-based like the namespace names. */
    public String host(int i) {
        return hosts.get(i - 1);
    }

    /** The namespace (and hostname seen over SSH) of a host address: NAME-i. */
    public String hostName(String host) {
        return name + "-" + index(host);
    }

    /** The state directory holding keys, known_hosts and per-host files. */
    public Path stateDir() {
        return dir;
    }

    /** Unencrypted ed25519 client key authorised for root on every host. */
    public Path key() {
        return dir.resolve("id_ed25519");
    }

    /** Passphrase-protected ed25519 client key; the passphrase is {@link #passphrase()}. */
    public Path keyWithPassphrase() {
        return dir.resolve("id_ed25519_pass");
    }

    /** The passphrase of {@link #keyWithPassphrase()}. */
    public String passphrase() {
        return readLines(dir.resolve("passphrase")).get(0);
    }

    /** Unencrypted RSA (PEM) client key authorised for root on every host. */
    public Path rsaKey() {
        return dir.resolve("id_rsa");
    }

    /** known_hosts with a plain entry for every host address. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** Directory first on every host's remote PATH: drop a stand-in `docker` script here for scale tests. */
    public Path pathHookDir() {
        return dir.resolve("path");
    }

    /** The sshd log of a host (LogLevel VERBOSE, each line prefixed with an ISO-8601 UTC timestamp). */
    public Path sshdLog(String host) {
        return dir.resolve("hosts").resolve(Integer.toString(index(host))).resolve("sshd.log");
    }

    /** Number of successful public-key logins the host's sshd has logged so far. */
    public int acceptedConnections(String host) {
        return acceptedConnectionTimes(host).size();
    }

    /** When each successful public-key login on the host happened, in log order. */
    public List<Instant> acceptedConnectionTimes(String host) {
        return readLines(sshdLog(host)).stream()
                .filter(line -> line.contains(ACCEPTED))
                .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))))
                .toList();
    }

    private int index(String host) {
        int i = hosts.indexOf(host);
        if (i < 0) {
            throw new IllegalArgumentException(host + " is not a host of fleet " + name + ": " + hosts);
        }
        return i + 1;
    }

    static Path stateRoot() {
        String env = System.getenv("FLEET_STATE");
        return Path.of(env == null || env.isEmpty() ? "/tmp/kamal-fleet" : env);
    }

    static Path projectDir() {
        return Path.of(System.getProperty("kamal.projectDir", System.getProperty("user.dir")));
    }

    static String script(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(projectDir().resolve("src/it/fleet/fleet.sh").toString());
        command.addAll(args);
        return Proc.run(command, Map.of(), 600);
    }

    static List<String> readLines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + "; is the fleet up? (src/it/fleet/fleet.sh status)", e);
        }
    }
}
