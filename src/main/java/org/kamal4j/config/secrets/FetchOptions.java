package org.kamal4j.config.secrets;

import java.util.ArrayList;
import java.util.List;

/** The options of {@code kamal secrets fetch}, parsed the way Thor accepts them ({@code --x v} or {@code --x=v}). */
record FetchOptions(String adapter, String account, String from, List<String> names) {

    static FetchOptions parse(List<String> args) {
        String adapter = null;
        String account = null;
        String from = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            boolean joined = !name.equals(a);
            if (name.equals("--adapter") || name.equals("-a") || name.equals("--account") || name.equals("--from")) {
                String value = joined ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
                switch (name) {
                    case "--account" -> account = value;
                    case "--from" -> from = value;
                    default -> adapter = value;
                }
            } else {
                names.add(a);
            }
        }
        if (adapter == null) {
            throw new IllegalArgumentException("No value provided for required options '--adapter'");
        }
        return new FetchOptions(adapter, account, from, names);
    }
}
