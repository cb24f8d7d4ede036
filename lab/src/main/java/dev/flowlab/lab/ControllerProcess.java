package dev.flowlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.dataplane.OwnedProcesses;
import dev.flowlab.dataplane.ProcessRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One flowlab controller of a run, in its own process (so it can be killed like a crashed server): its
 * member number, ports, log file and process. {@link #kill()} and {@link #start()} take it down and bring
 * it back with the same ports and options, as an operator restarting a server does.
 */
public final class ControllerProcess {
    /** What a member started with {@code --await-go} waits for on stdin before it starts. */
    public static final String GO = "go";
    private final int number;
    private final String target;
    private final int restPort;
    private final int clusterPort;
    private final List<String> argv;
    private final Path log;
    private final MemberRest rest;
    private final Path tokenFile;
    private Process process;   // guarded by this

    ControllerProcess(int number, String target, int restPort, int clusterPort, List<String> argv, Path log,
                      Path tokenFile) {
        this.number = number;
        this.target = target;
        this.restPort = restPort;
        this.clusterPort = clusterPort;
        this.argv = List.copyOf(argv);
        this.log = log;
        this.rest = new MemberRest(restPort, tokenFile);
        this.tokenFile = tokenFile;
    }

    /** 1 for the first member. */
    public int number() {
        return number;
    }

    /** The OVS target of this member, {@code tcp:127.0.0.1:PORT} or {@code ssl:127.0.0.1:PORT}. */
    public String target() {
        return target;
    }

    /** Where its REST API answers, {@code http://127.0.0.1:PORT}. */
    public String restUrl() {
        return rest.baseUrl();
    }

    /**
     * The file its REST token is in while it runs (mode 0600, in the run's 0700 log directory): every request needs
     * the token. Each member makes its own at start (a new one at each start), so none is ever on a command line.
     */
    public Path tokenFile() {
        return tokenFile;
    }

    /** Its REST token, from {@link #tokenFile()}; empty until it has written it. */
    public Optional<String> token() {
        return MemberRest.readToken(tokenFile);
    }

    /** The port its cluster messages use (for {@code --cluster}). */
    public int clusterPort() {
        return clusterPort;
    }

    /** Its output (stdout and stderr). */
    public Path log() {
        return log;
    }

    /**
     * Starts the process (appending to its log), recorded in {@code owner} before it does anything: it waits for
     * the line {@value #GO} on stdin ({@code flowlab controller --await-go}), written once the record is made.
     * An error when it is already running.
     */
    public synchronized ProcessHandle start(OwnedProcesses owner) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("controller " + number + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.writeString(log, "--- start: " + String.join(" ", argv) + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + log + ": " + e.getMessage(), e);
        }
        process = owner.start(argv, log, true);
        try (OutputStream go = process.getOutputStream()) {
            go.write((GO + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // it died at once: its log says why, and the wait for it to answer reports it
        }
        return process.toHandle();
    }

    /** Kills it with SIGKILL, as a crash would, and waits until it is gone. Idempotent. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it with SIGTERM (it closes its switches and REST API), SIGKILL after {@code grace}. Idempotent. */
    public synchronized void stop(Duration grace) {
        if (process != null) {
            ProcessRunner.stop(process, grace);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Its pid while it runs. */
    public synchronized Optional<Long> pid() {
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    /** Its REST API, for GETs. */
    MemberRest rest() {
        return rest;
    }

    /** Its {@code GET /api/cluster}: empty while it does not answer. */
    public Optional<JsonNode> cluster() {
        return rest.get("/api/cluster");
    }

    /** The last lines of its log, for an error message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "controller " + number + " " + target() + pid().map(p -> " pid " + p).orElse(" (not running)");
    }
}
