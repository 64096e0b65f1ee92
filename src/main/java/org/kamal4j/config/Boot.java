package org.kamal4j.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Boot settings. {@code limit} is the resolved group size (null: all hosts in one group), computed by the
 * config layer from an integer or an {@code "N%"} string; {@code limitRaw} is what the user wrote.
 */
public record Boot(Integer limit, String limitRaw, Integer waitSeconds, boolean parallelRoles) {
    public static final Boot DEFAULT = new Boot(null, null, null, false);

    /** Cuts hosts (in boot order) into consecutive groups of {@code limit}; one group when there is no limit. */
    public List<List<String>> groups(List<String> hosts) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("boot limit must be at least 1, got " + limit);
        }
        int size = limit == null ? Math.max(1, hosts.size()) : limit;
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i += size) {
            groups.add(List.copyOf(hosts.subList(i, Math.min(hosts.size(), i + size))));
        }
        return groups;
    }
}
