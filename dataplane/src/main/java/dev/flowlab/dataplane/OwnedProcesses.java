package dev.flowlab.dataplane;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Programs a run starts before (or without) a network, such as its controller processes, and the
 * directories they write: a run record of their own under {@code /run/flowlab/runs}, saved before the first
 * program starts, and each program recorded (pid and start time) the moment it is started, so that teardown,
 * and {@code flowlab clean} after a {@code kill -9} of this JVM, stop exactly those and never a program found
 * by name. A program started here gets stdin as a pipe and should wait for a first line on it before it
 * does anything: a kill -9 between its start and its record closes the pipe, and it then reads end-of-file
 * and exits on its own.
 */
public final class OwnedProcesses implements AutoCloseable {
    private final RunState state;

    private OwnedProcesses(RunState state) {
        this.state = state;
    }

    /** Saves a new, empty run record owned by this process. */
    public static OwnedProcesses record() {
        RunState state = new RunState(UUID.randomUUID().toString().substring(0, 8), ProcessHandle.current().pid(),
                ProcessStart.self(), RunState.newGroup(), List.of(), List.of(), List.of());
        state.save();
        return new OwnedProcesses(state);
    }

    /** The record's run id (as {@code flowlab clean} names it). */
    public String runId() {
        return state.runId();
    }

    /**
     * Starts {@code argv} with its output appended to (or, without {@code append}, written over) {@code log} and
     * stdin a pipe the caller writes to, and records it before returning.
     */
    public Process start(List<String> argv, Path log, boolean append) {
        Process p = ProcessRunner.startLoggedWithInput(argv, log, append);
        try {
            RunProcesses.adopt(state, p.toHandle());
        } catch (RuntimeException e) {
            p.destroyForcibly();   // not recorded: not left running either
            throw e;
        }
        return p;
    }

    /** Records {@code dir} (what the programs write): removed with the record, after the programs are stopped. */
    public void adoptDirectory(Path dir) {
        RunProcesses.adoptDirectory(state, dir);
    }

    /** Kills (SIGKILL) every recorded program still running as itself, removes the directories and the record. */
    @Override
    public void close() {
        RunProcesses.killAll(state);
        state.delete();
    }
}
