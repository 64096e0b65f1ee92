package org.kamal4j.ssh;

import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;

import java.util.List;
import java.util.Vector;

/** Offers the key files first, then the ssh-agent's keys; read-only. */
final class CompositeIdentityRepository implements IdentityRepository {

    private final List<IdentityRepository> parts;

    CompositeIdentityRepository(List<IdentityRepository> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public String getName() {
        return "kamal4j";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>();
        for (IdentityRepository r : parts) {
            if (r.getStatus() != UNAVAILABLE) {
                all.addAll(r.getIdentities());
            }
        }
        return all;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // read-only: the transport owns its identities for the whole run
    }
}
