package org.kamal4j.config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {

    private static final Set<String> PROXY = Set.of("host", "hosts", "app_port", "ssl", "ssl_redirect",
            "forward_headers", "response_timeout", "path_prefix", "healthcheck", "buffering");

    @Test
    void aTypoGetsTheClosestKnownKey() {
        assertEquals(Optional.of("ssl_redirect"), KeySuggestion.closest("ssl_redirct", PROXY));
        assertEquals(Optional.of("forward_headers"), KeySuggestion.closest("forward_header", PROXY));
        assertEquals(Optional.of("app_port"), KeySuggestion.closest("app-port", PROXY));
        assertEquals(Optional.of("healthcheck"), KeySuggestion.closest("HealthCheck", PROXY), "case is ignored");
        assertEquals(Optional.of("hosts"), KeySuggestion.closest("hsots", PROXY), "a swap is one edit");
    }

    @Test
    void unrelatedKeysGetNoSuggestion() {
        assertEquals(Optional.empty(), KeySuggestion.closest("colour", PROXY));
        assertEquals(Optional.empty(), KeySuggestion.closest("tls", PROXY), "short keys allow one edit only");
        assertEquals(Optional.empty(), KeySuggestion.closest("timeout", PROXY));
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertEquals(0, KeySuggestion.distance("image", "image"));
        assertEquals(1, KeySuggestion.distance("imag", "image"));
        assertEquals(1, KeySuggestion.distance("hots", "host"));
        assertEquals(2, KeySuggestion.distance("sevrice", "services"));
    }
}
