package org.kamal4j.standin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The live routing table: copy-on-write, so a request never sees a half-applied deploy. */
final class Router {

    private volatile Map<String, Service> services = Map.of();
    private final StateStore store;

    Router(StateStore store) throws IOException {
        this.store = store;
        Map<String, Service> loaded = new LinkedHashMap<>();
        for (Service s : store.load()) {
            loaded.put(s.name(), s);
        }
        services = Map.copyOf(loaded);
    }

    Collection<Service> services() {
        return services.values();
    }

    Optional<Service> get(String name) {
        return Optional.ofNullable(services.get(name));
    }

    synchronized void put(Service service) throws IOException {
        Map<String, Service> next = new LinkedHashMap<>(services);
        next.put(service.name(), service);
        commit(next);
    }

    synchronized boolean remove(String name) throws IOException {
        if (!services.containsKey(name)) {
            return false;
        }
        Map<String, Service> next = new LinkedHashMap<>(services);
        next.remove(name);
        commit(next);
        return true;
    }

    private void commit(Map<String, Service> next) throws IOException {
        store.save(new ArrayList<>(next.values()));
        services = Map.copyOf(next);
    }

    /** Names the other service already claiming one of these host/prefix pairs, or null. */
    String conflict(String name, List<String> hosts, List<String> prefixes) {
        for (Service s : services.values()) {
            if (!s.name().equals(name) && overlaps(s.hosts(), hosts) && overlaps(s.pathPrefixes(), prefixes)) {
                return s.name();
            }
        }
        return null;
    }

    private static boolean overlaps(List<String> a, List<String> b) {
        return a.isEmpty() && b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    /** The service for a request: exact host first, then the services that claim all unclaimed hosts. */
    Service route(String host, String path) {
        Service best = pick(host, path, true);
        return best != null ? best : pick(host, path, false);
    }

    private Service pick(String host, String path, boolean byHost) {
        Service best = null;
        int bestLen = -1;
        for (Service s : services.values()) {
            boolean hostOk = byHost ? s.hosts().contains(host) : s.hosts().isEmpty();
            int len = hostOk ? s.prefixMatch(path) : -1;
            if (len > bestLen) {
                best = s;
                bestLen = len;
            }
        }
        return best;
    }

    /** True while the target is still one the named service sends new requests to. */
    boolean isActive(String serviceName, Target target) {
        Service s = services.get(serviceName);
        return s != null && !s.paused() && s.targets().stream().anyMatch(t -> t == target);
    }
}
