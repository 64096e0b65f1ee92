package org.kamal4j.config.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kamal secrets fetch|extract} run in-process, as Kamal inlines them: {@code extract} fully,
 * {@code fetch} with the {@code test} adapter; vendor adapters are pointed at their own CLI.
 */
final class KamalSecretsCommand {

    private static final Map<String, String> VENDOR_HINTS = vendorHints();

    private KamalSecretsCommand() {}

    /** Whether {@code command} (after variable substitution) is one Kamal would inline. */
    static boolean matches(String command) {
        return command.matches("(?s)\\A\\s*kamal\\s*secrets\\s+.*");
    }

    /** Runs the command; the result is the inline output (shell-escaped JSON for fetch, the value for extract). */
    static String run(String command) {
        List<String> args = ShellWords.split(command.strip().replaceFirst("\\Akamal\\s*secrets", "kamal secrets"));
        List<String> rest = args.subList(Math.min(2, args.size()), args.size());
        String sub = rest.isEmpty() ? "" : rest.get(0);
        List<String> params = new ArrayList<>(rest.subList(Math.min(1, rest.size()), rest.size()));
        params.remove("--inline");
        return switch (sub) {
            case "extract" -> extract(params);
            case "fetch" -> ShellWords.escape(FlatJson.write(fetch(params)));
            // The word is echoed only when it looks like a subcommand: after substitution it could be a value.
            default -> throw new IllegalArgumentException("unsupported inline command 'kamal secrets "
                    + (sub.matches("[a-z_-]{1,20}") ? sub : "...") + "': only fetch and extract can be used in a secrets file");
        };
    }

    private static String extract(List<String> params) {
        if (params.size() != 2) {
            throw new IllegalArgumentException("'kamal secrets extract' takes NAME and the JSON from 'kamal secrets fetch'");
        }
        String name = params.get(0);
        Map<String, String> secrets;
        try {
            secrets = FlatJson.read(params.get(1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'kamal secrets extract " + name + "': the secrets are not a JSON object");
        }
        String value = secrets.get(name);
        if (value == null) {
            value = secrets.entrySet().stream().filter(e -> e.getKey().endsWith("/" + name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (value == null) {
            throw new IllegalArgumentException("Could not find secret " + name);
        }
        return value;
    }

    private static Map<String, String> fetch(List<String> params) {
        FetchOptions options = FetchOptions.parse(params);
        String adapter = options.adapter().toLowerCase();
        if (!adapter.equals("test")) {
            throw new IllegalArgumentException(vendorMessage(options.adapter()));
        }
        if (options.account() == null || options.account().isBlank()) {
            throw new IllegalArgumentException("No value provided for required options '--account'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : options.names()) {
            String key = options.from() == null || options.from().isEmpty() ? name : options.from() + "/" + name;
            String value = key.replace("LPAREN", "(").replace("RPAREN", ")");
            out.put(key, new StringBuilder(value).reverse().toString());
        }
        return out;
    }

    private static String vendorMessage(String adapter) {
        String hint = VENDOR_HINTS.get(adapter.toLowerCase());
        if (hint == null) {
            return "Unknown secrets adapter: " + adapter;
        }
        return "kamal secrets fetch --adapter " + adapter + " needs Kamal's Ruby adapter, which kamal-maven-plugin does not"
                + " embed: call the vendor CLI directly in the secrets file instead, one line per secret, e.g. "
                + hint + " (see docs/compatibility.md, 'ERB and secrets')";
    }

    private static Map<String, String> vendorHints() {
        Map<String, String> h = new LinkedHashMap<>();
        String op = "DB_PASSWORD=$(op read op://Vault/Item/DB_PASSWORD --account my-account)";
        h.put("1password", op);
        h.put("one_password", op);
        String bw = "DB_PASSWORD=$(bw get password Item)";
        h.put("bitwarden", bw);
        String bws = "DB_PASSWORD=$(bws secret get SECRET_ID --output json | jq -r .value)";
        h.put("bitwarden-sm", bws);
        h.put("bitwarden_secrets_manager", bws);
        String lpass = "DB_PASSWORD=$(lpass show --password Folder/DB_PASSWORD)";
        h.put("lastpass", lpass);
        h.put("last_pass", lpass);
        h.put("aws_secrets_manager",
                "DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id DB_PASSWORD --query SecretString --output text)");
        String gcp = "DB_PASSWORD=$(gcloud secrets versions access latest --secret=DB_PASSWORD)";
        h.put("gcp", gcp);
        h.put("gcp_secret_manager", gcp);
        h.put("doppler", "DB_PASSWORD=$(doppler secrets get DB_PASSWORD --plain)");
        h.put("enpass", "DB_PASSWORD=$(enpass-cli -vault=PATH -sort show DB_PASSWORD)");
        h.put("passbolt", "DB_PASSWORD=$(passbolt get resource --id RESOURCE_ID)");
        return Map.copyOf(h);
    }
}
