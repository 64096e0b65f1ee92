package org.kamal4j.standin;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The control commands (`deploy`, `remove`, `stop`, `resume`, `list`) as the running server executes them. */
final class Commands {

    /** What a command prints and whether it succeeded. */
    record Reply(boolean ok, String text) {
    }

    private final Router router;
    private final HttpClient client;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    Commands(Router router, HttpClient client) {
        this.router = router;
        this.client = client;
    }

    Reply run(List<String> argv) {
        if (argv.isEmpty()) {
            return new Reply(false, "missing command; use deploy, remove, stop, resume or list");
        }
        Args a = Args.parse(argv.subList(1, argv.size()));
        try {
            switch (argv.get(0)) {
                case "deploy": return deploy(a);
                case "remove": return remove(a);
                case "stop": return pause(a, true);
                case "resume": return pause(a, false);
                case "list": return list();
                default: return new Reply(false, "unknown command \"" + argv.get(0) + "\"");
            }
        } catch (IllegalArgumentException e) {
            return new Reply(false, e.getMessage());
        } catch (IOException e) {
            return new Reply(false, "could not save the routes: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(false, "interrupted");
        }
    }

    private static String service(Args a) {
        if (a.positional.size() != 1) {
            throw new IllegalArgumentException("expected exactly one service name, got " + a.positional);
        }
        return a.positional.get(0);
    }

    private Reply deploy(Args a) throws IOException, InterruptedException {
        String name = service(a);
        List<String> addresses = a.all("target");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("deploy " + name + " needs --target=<container>:<port>");
        }
        List<String> hosts = splitAll(a.all("host"));
        List<String> prefixes = splitAll(a.all("path-prefix"));
        Duration deployTimeout = a.duration("deploy-timeout", Duration.ofSeconds(30));
        HealthCheck check = new HealthCheck(client, a.get("health-check-path", "/up"),
                a.duration("health-check-interval", Duration.ofSeconds(1)),
                a.duration("health-check-timeout", Duration.ofSeconds(5)));
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            String other = router.conflict(name, hosts, prefixes);
            if (other != null) {
                return new Reply(false, "host settings conflict with another service (" + other + ")");
            }
            Service old = router.get(name).orElse(null);
            List<Target> targets = reuse(old, addresses);
            long deadline = System.nanoTime() + deployTimeout.toNanos();
            for (Target t : targets) {
                String failure = check.waitHealthy(t, deadline);
                if (failure != null) {
                    Log.info("Deploy failed", "service", name, "target", t.address, "reason", failure);
                    return new Reply(false, "target " + t.address + " failed to become healthy within the deploy "
                            + "timeout (" + deployTimeout.toSeconds() + "s): " + failure
                            + (old == null ? "" : "; traffic stays on " + old.targets()));
                }
            }
            router.put(new Service(name, hosts, prefixes, a.bool("strip-path-prefix", true),
                    a.duration("target-timeout", Duration.ofSeconds(30)), targets,
                    old != null && old.paused(), old == null ? "" : old.message(), new AtomicInteger()));
            Log.info("Deployed", "service", name, "targets", targets.toString(), "hosts", hosts.toString());
            boolean drained = old == null || drain(old.targets(), targets, a.duration("drain-timeout", Duration.ofSeconds(30)));
            return new Reply(true, "Deployed " + name + " to " + String.join(",", addresses)
                    + (drained ? "" : " (old targets still busy when the drain timeout ended)"));
        }
    }

    /** Keeps the same Target object for an address already deployed, so its in-flight count carries over. */
    private static List<Target> reuse(Service old, List<String> addresses) {
        List<Target> out = new ArrayList<>();
        for (String address : addresses) {
            Target fresh = new Target(address);
            out.add(old == null ? fresh : old.targets().stream()
                    .filter(t -> t.address.equals(fresh.address)).findFirst().orElse(fresh));
        }
        return out;
    }

    /** Waits until no request is running on the targets that left, or the drain timeout ends. */
    private static boolean drain(List<Target> old, List<Target> keep, Duration timeout) throws InterruptedException {
        List<Target> leaving = old.stream().filter(t -> !keep.contains(t)).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (leaving.stream().anyMatch(t -> t.inFlight.get() > 0)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private Reply remove(Args a) throws IOException {
        String name = service(a);
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            return router.remove(name) ? new Reply(true, "Removed " + name)
                    : new Reply(false, "service not found: " + name);
        }
    }

    private Reply pause(Args a, boolean stop) throws IOException, InterruptedException {
        String name = service(a);
        synchronized (locks.computeIfAbsent(name, k -> new Object())) {
            Service s = router.get(name).orElse(null);
            if (s == null) {
                return new Reply(false, "service not found: " + name);
            }
            router.put(s.withPause(stop, stop ? a.get("message", "") : ""));
            if (stop) {
                drain(s.targets(), List.of(), a.duration("drain-timeout", Duration.ofSeconds(30)));
            }
            return new Reply(true, (stop ? "Stopped " : "Resumed ") + name);
        }
    }

    private Reply list() {
        StringBuilder sb = new StringBuilder(String.format("%-24s %-32s %-12s %-32s %-8s %s%n",
                "Service", "Host", "Path", "Target", "State", "TLS"));
        for (Service s : router.services()) {
            sb.append(String.format("%-24s %-32s %-12s %-32s %-8s %s%n", s.name(),
                    s.hosts().isEmpty() ? "*" : String.join(",", s.hosts()),
                    s.pathPrefixes().isEmpty() ? "/" : String.join(",", s.pathPrefixes()),
                    String.join(",", s.targets().stream().map(t -> t.address).toList()),
                    s.paused() ? "stopped" : "running", "no"));
        }
        return new Reply(true, sb.toString().stripTrailing());
    }

    private static List<String> splitAll(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }
}
