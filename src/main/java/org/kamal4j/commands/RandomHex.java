package org.kamal4j.commands;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.IntFunction;

/** Random lower-case hex strings for container hostnames and names, replaceable in tests. */
public final class RandomHex {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomHex() {}

    /** A source of {@code n} random hex characters per call. */
    public static IntFunction<String> secure() {
        return n -> {
            byte[] bytes = new byte[(n + 1) / 2];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes).substring(0, n);
        };
    }
}
