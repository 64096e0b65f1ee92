package org.kamal4j.config;

/**
 * Boot settings. {@code limit} is the resolved group size (null: all hosts in one group), computed by the
 * config layer from an integer or an {@code "N%"} string; {@code limitRaw} is what the user wrote.
 */
public record Boot(Integer limit, String limitRaw, Integer waitSeconds, boolean parallelRoles) {
    public static final Boot DEFAULT = new Boot(null, null, null, false);
}
