package org.kamal4j.runner;

/**
 * A number of hosts given as a count ({@code 2}) or a share of the hosts ({@code 25%}), as {@code kamal.canary}
 * and {@code kamal.maxFailures} take it.
 *
 * @param value   the count, or the percentage (0-100)
 * @param percent whether {@code value} is a percentage
 */
public record HostCount(int value, boolean percent) {

    /** No host. */
    public static final HostCount NONE = new HostCount(0, false);

    /**
     * Reads {@code 2} or {@code 25%}; blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException with a message naming what is accepted
     */
    public static HostCount parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.strip();
        boolean percent = t.endsWith("%");
        String digits = percent ? t.substring(0, t.length() - 1).strip() : t;
        if (!digits.matches("[0-9]{1,9}") || percent && Integer.parseInt(digits) > 100) {
            throw new IllegalArgumentException("'" + text + "' is not a number of hosts: give a count (2) or a "
                    + "percentage of the hosts (25%, at most 100%)");
        }
        return new HostCount(Integer.parseInt(digits), percent);
    }

    /**
     * The count for {@code hosts} hosts: a percentage rounds down ({@code roundUp} false: a failure budget never
     * tolerates more than the share) or up ({@code roundUp} true: a canary of a non-zero share has at least one
     * host); never more than {@code hosts}.
     */
    public int of(int hosts, boolean roundUp) {
        if (!percent) {
            return Math.min(value, hosts);
        }
        long scaled = (long) value * hosts;
        return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
    }

    @Override
    public String toString() {
        return value + (percent ? "%" : "");
    }
}
