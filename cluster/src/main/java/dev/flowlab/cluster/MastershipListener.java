package dev.flowlab.cluster;

import dev.flowlab.controller.api.Role;

/** Hears this member's role change. Runs on Ratis' threads: keep it short, never block. */
@FunctionalInterface
public interface MastershipListener {
    /** This member is now {@code role} (MASTER or SLAVE, never EQUAL) for every switch, under {@code generation} (the last one handed out). */
    void roleChanged(Role role, long generation);
}
