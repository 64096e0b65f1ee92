package org.kamal4j.flows.steps;

import java.util.Arrays;

/** Compares kamal-proxy version tags such as {@code v0.9.2} numerically, part by part. */
final class ProxyVersion {

    private ProxyVersion() {
    }

    /**
     * Whether {@code version} is older than {@code minimum}. A tag that is not a version (e.g. {@code latest}) is
     * not older: we cannot tell, and refusing would block every deploy on such a host.
     */
    static boolean older(String version, String minimum) {
        int[] a = parts(version);
        int[] b = parts(minimum);
        if (a == null || b == null) {
            return false;
        }
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    private static int[] parts(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] p = v.split("[.-]");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            if (!p[i].matches("\\d+")) {
                if (i == 0) {
                    return null;
                }
                return Arrays.copyOf(out, i);
            }
            out[i] = Integer.parseInt(p[i]);
        }
        return out;
    }
}
