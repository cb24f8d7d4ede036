package dev.flowlab.cluster;

/** Hears this member's role change. Runs on Ratis' threads: keep it short, never block. */
@FunctionalInterface
public interface MastershipListener {
    /** This member is now {@code role} for every switch, under {@code generation} (the last one handed out). */
    void roleChanged(Role role, long generation);
}
