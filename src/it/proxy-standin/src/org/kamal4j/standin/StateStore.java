package org.kamal4j.standin;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps the routes in the config volume so a restarted proxy serves the last deployed targets. */
final class StateStore {

    private final Path file;

    StateStore(Path dir) {
        this.file = dir.resolve("standin-routes.properties");
    }

    List<Service> load() throws IOException {
        List<Service> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (int i = 0; p.containsKey(i + ".name"); i++) {
            String k = i + ".";
            List<Target> targets = new ArrayList<>();
            for (String t : split(p.getProperty(k + "targets"))) {
                targets.add(new Target(t));
            }
            out.add(new Service(p.getProperty(k + "name"), split(p.getProperty(k + "hosts")),
                    split(p.getProperty(k + "pathPrefixes")), Boolean.parseBoolean(p.getProperty(k + "strip")),
                    Duration.ofMillis(Long.parseLong(p.getProperty(k + "targetTimeoutMillis"))), targets,
                    Boolean.parseBoolean(p.getProperty(k + "paused")), p.getProperty(k + "message", ""),
                    new AtomicInteger()));
        }
        return out;
    }

    void save(List<Service> services) throws IOException {
        Properties p = new Properties();
        for (int i = 0; i < services.size(); i++) {
            Service s = services.get(i);
            String k = i + ".";
            p.setProperty(k + "name", s.name());
            p.setProperty(k + "hosts", String.join(",", s.hosts()));
            p.setProperty(k + "pathPrefixes", String.join(",", s.pathPrefixes()));
            p.setProperty(k + "strip", Boolean.toString(s.stripPrefix()));
            p.setProperty(k + "targetTimeoutMillis", Long.toString(s.targetTimeout().toMillis()));
            p.setProperty(k + "targets", String.join(",", s.targets().stream().map(t -> t.address).toList()));
            p.setProperty(k + "paused", Boolean.toString(s.paused()));
            p.setProperty(k + "message", s.message());
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "kamal-proxy stand-in routes");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
