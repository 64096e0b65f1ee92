package org.kamal4j.standin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An immutable routing entry; a deploy, stop or resume replaces the whole entry at once. */
record Service(String name, List<String> hosts, List<String> pathPrefixes, boolean stripPrefix,
               Duration targetTimeout, List<Target> targets, boolean paused, String message,
               AtomicInteger roundRobin) {

    Service withPause(boolean pause, String newMessage) {
        return new Service(name, hosts, pathPrefixes, stripPrefix, targetTimeout, targets, pause, newMessage,
                roundRobin);
    }

    Target next() {
        return targets.get(Math.floorMod(roundRobin.getAndIncrement(), targets.size()));
    }

    /** Length of the longest path prefix matching the path (0 for a service without prefixes), -1 for none. */
    int prefixMatch(String path) {
        if (pathPrefixes.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (String p : pathPrefixes) {
            String bare = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
            if (path.equals(bare) || path.startsWith(bare.endsWith("/") ? bare : bare + "/")) {
                best = Math.max(best, bare.length());
            }
        }
        return best;
    }

    String upstreamPath(String path) {
        if (!stripPrefix || pathPrefixes.isEmpty()) {
            return path;
        }
        int len = prefixMatch(path);
        String rest = len > 1 ? path.substring(len) : path;
        return rest.isEmpty() ? "/" : rest;
    }
}
