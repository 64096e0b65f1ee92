package org.kamal4j.config;

import java.util.List;

/** A host entry of a role: the host string exactly as configured (never normalised) and its tags. */
public record Host(String name, List<String> tags) {
    public Host {
        tags = List.copyOf(tags);
    }

    public static Host of(String name) {
        return new Host(name, List.of());
    }
}
