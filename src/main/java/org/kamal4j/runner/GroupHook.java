package org.kamal4j.runner;

import java.util.List;

/** Runs before or after a boot group (the {@code pre-app-boot} and {@code post-app-boot} hooks). */
@FunctionalInterface
public interface GroupHook<E extends Exception> {

    /** A hook that does nothing. */
    static <E extends Exception> GroupHook<E> none() {
        return hosts -> { };
    }

    /** Runs with the group's hosts in boot order. */
    void run(List<String> hosts) throws E;
}
