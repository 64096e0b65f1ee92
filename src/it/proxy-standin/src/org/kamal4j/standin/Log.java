package org.kamal4j.standin;

import java.time.Instant;

/** One JSON object per line on stdout, like kamal-proxy's own log, so `docker logs kamal-proxy` is readable. */
final class Log {

    private Log() {
    }

    static void info(String msg, Object... keyValues) {
        StringBuilder sb = new StringBuilder(160);
        sb.append("{\"time\":\"").append(Instant.now()).append("\",\"level\":\"INFO\",\"msg\":");
        quote(sb, msg);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(',');
            quote(sb, String.valueOf(keyValues[i]));
            sb.append(':');
            Object v = keyValues[i + 1];
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
            } else {
                quote(sb, String.valueOf(v));
            }
        }
        System.out.println(sb.append('}'));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
