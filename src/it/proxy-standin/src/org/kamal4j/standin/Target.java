package org.kamal4j.standin;

import java.util.concurrent.atomic.AtomicInteger;

/** One upstream address (`<container id>:<port>`) with the count of requests it is serving right now. */
final class Target {

    final String address;
    final AtomicInteger inFlight = new AtomicInteger();

    Target(String address) {
        if (!address.matches("[A-Za-z0-9._-]+(:\\d{1,5})?")) {
            throw new IllegalArgumentException("invalid target \"" + address + "\" (expected host:port)");
        }
        this.address = address.contains(":") ? address : address + ":80";
    }

    @Override
    public String toString() {
        return address;
    }
}
