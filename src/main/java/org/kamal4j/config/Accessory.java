package org.kamal4j.config;

import java.util.List;
import java.util.Map;

/** An accessory (long-lived companion container) with its resolved hosts. */
public record Accessory(
        String name,
        String service,
        String image,
        Registry registry,
        List<String> hosts,
        String cmd,
        String port,
        Map<String, String> labels,
        String restartPolicy,
        Map<String, Object> options,
        Env env,
        List<MountSpec> files,
        List<MountSpec> directories,
        List<String> volumes,
        String network,
        Proxy proxy) {

    /** A file or directory mount: {@code local:remote[:options]} or the map form. */
    public record MountSpec(String local, String remote, String mode, String owner, String options) {}
}
