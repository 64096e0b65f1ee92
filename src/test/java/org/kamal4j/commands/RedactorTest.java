package org.kamal4j.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String SECRET = "p\\a'ss\"w$rd`x";

    @Test
    void everyFormWeWriteIsMasked() {
        List<String> secrets = List.of(SECRET);
        assertEquals("a [REDACTED] b", Redactor.redact("a " + SECRET + " b", secrets));
        assertEquals("X=[REDACTED]", Redactor.redact("X=" + EnvFile.escape(SECRET), secrets));
        assertFalse(Redactor.redact(ShellQuoting.quote(SECRET), secrets).contains("ss"));
        assertFalse(Redactor.redact(ShellQuoting.quoteExpanding(SECRET), secrets).contains("ss"));
        assertFalse(Redactor.redact(ShellQuoting.quoteInterpolated("${HOME}" + SECRET), secrets).contains("ss"));
        for (String prefix : List.of("", "a", "ab", "abc")) {
            String b64 = Base64.getEncoder().encodeToString((prefix + "locked by " + SECRET + " now")
                    .getBytes(StandardCharsets.UTF_8));
            String shown = Redactor.redact(b64, secrets);
            assertFalse(shown.equals(b64), "base64 at offset " + prefix.length() + " not masked: " + b64);
        }
    }

    @Test
    void aMultiLineSecretIsMaskedInTheEnvFileForm() {
        String s = "line1\nline2\\";
        assertEquals("X=[REDACTED]\n", Redactor.redact("X=" + EnvFile.escape(s) + "\n", List.of(s)));
    }

    @Test
    void valuesShorterThanTheMinimumAreNotUsed() {
        assertEquals("booting any other roles", Redactor.redact("booting any other roles", List.of("any")));
        assertEquals("booting [REDACTED] roles", Redactor.redact("booting anyx roles", List.of("anyx")));
    }
}
