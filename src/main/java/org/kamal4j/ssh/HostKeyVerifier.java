package org.kamal4j.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks host keys against known_hosts (JSch's parser, hashed entries included). In {@code accept-new} mode an
 * unknown host's key is accepted and appended to the file; a changed key is always rejected. Remembers why a
 * key was rejected so the connect error can name both fingerprints.
 */
final class HostKeyVerifier implements HostKeyRepository {

    /** Why the last key offered for a host was rejected. */
    record Rejection(String host, String offered, List<String> known) {}

    private final HostKeyRepository known;
    private final Path file;
    private final boolean acceptNew;
    private final Map<String, byte[]> accepted = new ConcurrentHashMap<>();
    private final Map<String, Rejection> rejections = new ConcurrentHashMap<>();

    HostKeyVerifier(HostKeyRepository known, Path file, boolean acceptNew) {
        this.known = known;
        this.file = file;
        this.acceptNew = acceptNew;
    }

    @Override
    public int check(String host, byte[] key) {
        int verdict = known.check(host, key);
        byte[] acceptedKey = accepted.get(host);
        if (verdict == NOT_INCLUDED && acceptedKey != null) {
            verdict = Arrays.equals(acceptedKey, key) ? OK : CHANGED;
        }
        if (verdict == NOT_INCLUDED && acceptNew) {
            return acceptNew(host, key);
        }
        if (verdict != OK) {
            rejections.put(host, new Rejection(host, Fingerprints.sha256(key), knownFingerprints(host, key)));
        }
        return verdict;
    }

    private synchronized int acceptNew(String host, byte[] key) {
        if (accepted.containsKey(host)) {
            return Arrays.equals(accepted.get(host), key) ? OK : CHANGED;
        }
        try {
            String type = new HostKey(host, key).getType();
            String line = host + " " + type + " " + Base64.getEncoder().encodeToString(key) + "\n";
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            accepted.put(host, key.clone());
            return OK;
        } catch (IOException | JSchException e) {
            rejections.put(host, new Rejection(host, Fingerprints.sha256(key), List.of()));
            return NOT_INCLUDED;
        }
    }

    private List<String> knownFingerprints(String host, byte[] offered) {
        List<String> out = new ArrayList<>();
        try {
            String type = new HostKey(host, offered).getType();
            HostKey[] keys = known.getHostKey(host, type);
            for (HostKey k : keys == null ? new HostKey[0] : keys) {
                out.add(Fingerprints.sha256(Base64.getDecoder().decode(k.getKey())));
            }
        } catch (JSchException | IllegalArgumentException e) {
            // the key type is unreadable; the error then lists no known fingerprint
        }
        byte[] acceptedKey = accepted.get(host);
        if (acceptedKey != null) {
            out.add(Fingerprints.sha256(acceptedKey));
        }
        return out;
    }

    /** The rejection recorded for {@code host} (a known_hosts name), or null. */
    Rejection rejection(String host) {
        return rejections.get(host);
    }

    Path file() {
        return file;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        known.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        known.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        known.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return known.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return known.getHostKey(host, type);
    }
}
