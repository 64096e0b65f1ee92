package org.kamal4j.config.validate;

import java.util.regex.Pattern;

/**
 * What a host in deploy.yml may be: {@code [user@]host[:port]} where host is a DNS name (or an ssh_config alias:
 * letters, digits, {@code -} and {@code _} in dot-separated labels), an IPv4 address or an IPv6 address (bare, or
 * in brackets when a port follows). A host reaches remote command lines ({@code KAMAL_HOST}, {@code --hostname},
 * audit lines) and the SSH connection, so anything else, shell syntax above all, is refused before connecting.
 */
final class HostNames {

    private static final String RULE = "must be a host name, an IPv4 or an IPv6 address, optionally with user@ and :port";

    private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?";
    private static final String PORT = "(?::[0-9]{1,5})?";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,31}");
    private static final Pattern NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*\\.?" + PORT);
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f.]*(?:%[A-Za-z0-9_.-]+)?");
    private static final Pattern BRACKETED = Pattern.compile("\\[(" + IPV6.pattern() + ")]" + PORT);

    private HostNames() {}

    /** Adds a problem at {@code path} when {@code spec} is not a valid host. */
    static void check(Checker c, String path, String spec) {
        if (!valid(spec)) {
            c.add(path, "Host '" + spec + "' " + RULE);
        }
    }

    static boolean valid(String spec) {
        String host = spec;
        int at = spec.lastIndexOf('@');
        if (at >= 0) {
            if (!USER.matcher(spec.substring(0, at)).matches()) {
                return false;
            }
            host = spec.substring(at + 1);
        }
        return host.length() <= 253 + 6 && (NAME.matcher(host).matches() || IPV6.matcher(host).matches()
                || BRACKETED.matcher(host).matches());
    }
}
