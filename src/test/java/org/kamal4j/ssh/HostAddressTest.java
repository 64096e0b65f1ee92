package org.kamal4j.ssh;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HostAddressTest {

    @Test
    void bareHostTakesDefaults() {
        assertEquals(new HostAddress("root", "10.0.0.1", 22), HostAddress.parse("10.0.0.1", "root", 22));
    }

    @Test
    void userAndPortForms() {
        assertEquals(new HostAddress("deploy", "web1", 22), HostAddress.parse("deploy@web1", "root", 22));
        assertEquals(new HostAddress("root", "web1", 2222), HostAddress.parse("web1:2222", "root", 22));
        assertEquals(new HostAddress("app", "web1", 2200), HostAddress.parse("app@web1:2200", "root", 22));
    }

    @Test
    void bracketedIpv6WithAndWithoutPort() {
        assertEquals(new HostAddress("root", "::1", 2222), HostAddress.parse("[::1]:2222", "root", 22));
        assertEquals(new HostAddress("ops", "fe80::1", 22), HostAddress.parse("ops@[fe80::1]", "root", 22));
        assertEquals(new HostAddress("root", "2001:db8::5", 22), HostAddress.parse("2001:db8::5", "root", 22));
    }

    @Test
    void knownHostsNameUsesBracketsOffPort22() {
        assertEquals("web1", HostAddress.parse("web1", "root", 22).knownHostsName());
        assertEquals("[web1]:2222", HostAddress.parse("web1:2222", "root", 22).knownHostsName());
    }

    @Test
    void badPortIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostAddress.parse("web1:http", "root", 22));
        assertEquals("Invalid port in host web1:http: expected a number 1-65535", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("[::1:22", "root", 22));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("@web1", "root", 22));
    }
}
