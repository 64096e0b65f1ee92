package org.kamal4j.config.secrets;

/**
 * One assignment found in a dotenv file.
 *
 * @param key      the variable name
 * @param rawValue the value text as written (quotes included), or null when the line has no value
 * @param export   whether the line started with {@code export}
 * @param line     the 1-based line of the key
 */
record DotenvEntry(String key, String rawValue, boolean export, int line) {}
