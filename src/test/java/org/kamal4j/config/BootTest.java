package org.kamal4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootTest {

    private static Boot limit(Integer n) {
        return new Boot(n, n == null ? null : String.valueOf(n), null, false);
    }

    @Test
    void groupsCutHostsInOrder() {
        List<String> hosts = List.of("a", "b", "c", "d", "e");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), limit(2).groups(hosts));
        assertEquals(List.of(hosts), limit(null).groups(hosts));
        assertEquals(List.of(), limit(null).groups(List.of()));
        assertThrows(IllegalArgumentException.class, () -> limit(0).groups(hosts));
    }
}
