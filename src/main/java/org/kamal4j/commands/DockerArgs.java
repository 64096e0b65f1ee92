package org.kamal4j.commands;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.config.Logging;

/** Renders the docker flag groups shared by app, accessory and proxy containers (logging, options, env). */
final class DockerArgs {

    private DockerArgs() {}

    /** {@code --log-opt max-size="10m"} by default, else {@code --log-driver} and one {@code --log-opt} each. */
    static Line logging(Line line, Logging logging) {
        if (logging == null || (logging.driver() == null && logging.options().isEmpty())) {
            return line.value("--log-opt", "max-size=10m");
        }
        if (logging.driver() != null) {
            line.value("--log-driver", logging.driver());
        }
        logging.options().forEach((k, v) -> line.value("--log-opt", k + "=" + v));
        return line;
    }

    /** Root logging deep-merged with a role's (role wins); either may be null. */
    static Logging merge(Logging root, Logging role) {
        if (role == null) {
            return root;
        }
        if (root == null) {
            return role;
        }
        Map<String, String> options = new LinkedHashMap<>(root.options());
        options.putAll(role.options());
        return new Logging(role.driver() != null ? role.driver() : root.driver(), options);
    }

    /**
     * The {@code --restart} value of an app or accessory container: its restart policy, else a {@code restart}
     * among its options (which {@link #options} leaves out), else {@code unless-stopped}.
     */
    static String restartPolicy(String policy, Map<String, Object> options) {
        if (policy != null) {
            return policy;
        }
        Object fromOptions = options == null ? null : options.get("restart");
        return fromOptions != null ? String.valueOf(fromOptions) : "unless-stopped";
    }

    /** Each option as {@code --key "value"}; {@code true} is a bare flag and a list repeats the flag. */
    static Line options(Line line, Map<String, Object> options) {
        if (options == null) {
            return line;
        }
        options.forEach((key, value) -> {
            if (key.equals("restart")) {
                return;
            }
            if (Boolean.TRUE.equals(value)) {
                line.args("--" + key);
            } else if (value instanceof List<?> list) {
                list.forEach(v -> line.value("--" + key, String.valueOf(v)));
            } else {
                line.value("--" + key, String.valueOf(value));
            }
        });
        return line;
    }

    /** {@code --env NAME="value"} per clear variable. */
    static Line env(Line line, Map<String, String> clear) {
        clear.forEach((k, v) -> line.value("--env", k + "=" + v));
        return line;
    }

    /** {@code --label key="value"} per label. */
    static Line labels(Line line, Map<String, String> labels) {
        labels.forEach((k, v) -> line.value("--label", k + "=" + v));
        return line;
    }

    /** {@code --filter 'name=^<name>$'}: an exact container name match. */
    static Line nameFilter(Line line, String name) {
        return line.args("--filter", "name=^" + name + "$");
    }
}
