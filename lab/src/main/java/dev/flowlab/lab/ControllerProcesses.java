package dev.flowlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.ExpectedNetwork;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.openflow.TlsFiles;
import dev.flowlab.dataplane.OwnedProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The N flowlab controller processes of a run ({@code flowlab run --controllers N}), each its own JVM on
 * free ports of 127.0.0.1, with the same apps and a REST API the lab reads readiness and roles from.
 * Two or more form one cluster ({@code --cluster}, Raft logs under the log directory, kept across a
 * member's restart so it catches up from its own log).
 * Every bridge gets every member as a controller target. With TLS files (one set per member, one CA) each
 * member listens {@code ssl:}, and their Raft traffic is mutual TLS with the same files. Started before the network,
 * stopped after it; recorded (pid and start time) in a run record of their own before each does anything, so
 * {@code flowlab clean} stops them after a {@code kill -9} of flowlab at any moment. Each member's REST API has a
 * token of its own, in its own 0600 file.
 */
public final class ControllerProcesses implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final List<ControllerProcess> members;
    private final Path logDir;
    private final OwnedProcesses owner;
    private boolean closed;   // guarded by this: once set, no member starts

    private ControllerProcesses(List<ControllerProcess> members, Path logDir, OwnedProcesses owner) {
        this.members = List.copyOf(members);
        this.logDir = logDir;
        this.owner = owner;
    }

    /**
     * Prepares {@code count} members ({@code launcher} followed by each member's options, free ports, a log directory
     * recorded in {@code owner}) and starts none: {@link #start} does, and {@link #close} from another thread (a
     * shutdown hook) at any time after this returns stops every member started and lets no other start. Each member is
     * recorded in {@code owner} before it does anything, so {@code flowlab clean} stops them after a {@code kill -9}
     * of this JVM at any moment.
     *
     * @param apps       the apps every member runs (empty: the controller's default)
     * @param appConfigs each app's config file, given to every member
     * @param tls        member number (1-based) to its TLS files; null: plain TCP
     */
    public static ControllerProcesses prepare(int count, List<String> launcher, List<String> apps, Map<String, Path> appConfigs,
                                              IntFunction<TlsFiles> tls, OwnedProcesses owner) {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("flowlab-controllers-");   // 0700
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a directory for the controllers' logs: " + e.getMessage(), e);
        }
        owner.adoptDirectory(logDir);
        List<Integer> ports = freePorts(3 * count);
        List<String> raft = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raft.add((i + 1) + "@127.0.0.1:" + ports.get(3 * i + 2));
        }
        List<ControllerProcess> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int of = ports.get(3 * i);
            int rest = ports.get(3 * i + 1);
            int cluster = ports.get(3 * i + 2);
            List<String> argv = new ArrayList<>(launcher);
            argv.add("--await-go");   // does nothing until recorded (ControllerProcess.start)
            TlsFiles files = tls == null ? null : tls.apply(i + 1);
            argv.addAll(List.of("--listen", (files == null ? "" : "ssl:") + "127.0.0.1:" + of));
            if (files != null) {   // also what its Raft server and client use (ClusterOptions)
                argv.addAll(List.of("--tls-key", files.privateKey().toString(), "--tls-cert", files.certificate().toString(),
                        "--tls-ca", files.caCertificate().toString()));
            }
            // Each member makes a token of its own (none on a command line, where ps shows it) and writes it, 0600,
            // into the 0700 log directory: removed with the logs, even after a kill -9.
            argv.addAll(List.of("--rest", "127.0.0.1:" + rest, "--rest-token-dir", logDir.toString()));
            if (!apps.isEmpty()) {
                argv.addAll(List.of("--apps", String.join(",", apps)));
            }
            appConfigs.forEach((app, file) -> argv.addAll(List.of("--app-config", app + "=" + file.toAbsolutePath())));
            if (count > 1) {   // one cluster: the members elect the master of every switch (Raft)
                argv.addAll(List.of("--cluster", String.join(",", raft), "--member", Integer.toString(i + 1),
                        "--cluster-dir", logDir.resolve("raft-" + (i + 1)).toString()));
            }
            members.add(new ControllerProcess(i + 1, (files == null ? "tcp:" : "ssl:") + "127.0.0.1:" + of, rest, cluster,
                    argv, logDir.resolve("controller-" + (i + 1) + ".log"), logDir.resolve(RestConfig.tokenFileName(rest))));
        }
        return new ControllerProcesses(members, logDir, owner);
    }

    /**
     * Starts every member and waits until each answers on its REST API; stops them all when one does not within
     * {@code timeout}, or when {@link #close} came first.
     */
    public void start(Duration timeout, Consumer<String> progress) {
        try {
            members.forEach(this::startMember);
            for (ControllerProcess m : members) {
                awaitServing(m, timeout, progress);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts {@code member}, unless {@link #close} came first: then no member of these may run any more. */
    private synchronized ProcessHandle startMember(ControllerProcess member) {
        if (closed) {
            throw new IllegalStateException("the controllers were stopped (Ctrl-C or teardown) before controller "
                    + member.number() + " started");
        }
        return member.start(owner);
    }

    /** Waits until the member answers {@code GET /api/cluster}: its REST API is up, so are its apps and listener. */
    void awaitServing(ControllerProcess member, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (member.cluster().isEmpty()) {
            if (!member.isAlive() && stopped()) {
                throw new IllegalStateException("the controllers were stopped (Ctrl-C or teardown) while starting");
            }
            if (!member.isAlive()) {
                throw new IllegalStateException("controller " + member.number() + " exited while starting; its log "
                        + member.log() + " ends with:\n" + member.tail(15));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("controller " + member.number() + " did not answer on " + member.restUrl()
                        + " within " + timeout.toSeconds() + " s; see " + member.log());
            }
            progress.accept("waiting for controller " + member.number() + " to answer on " + member.restUrl());
            pause();
        }
    }

    private synchronized boolean stopped() {
        return closed;
    }

    /** Starts member {@code number} again (same ports and options), recorded as the first start was. */
    public ProcessHandle restart(int number) {
        return startMember(member(number));
    }

    /**
     * Whether {@code running} of {@code members} are a majority, which a cluster (two members or more) needs to
     * elect a master (Raft): with fewer, no member is master of any switch until enough are back.
     */
    public static boolean majority(int running, int members) {
        return running > members / 2;
    }

    public List<ControllerProcess> members() {
        return members;
    }

    /** Member {@code number} (1-based), or a one-line error naming the members there are. */
    public ControllerProcess member(int number) {
        if (number < 1 || number > members.size()) {
            throw new IllegalArgumentException("no controller " + number + ": the controllers are 1 to " + members.size());
        }
        return members.get(number - 1);
    }

    /** Every member's OVS target: every bridge gets them all. */
    public List<String> targets() {
        return members.stream().map(ControllerProcess::target).toList();
    }

    /** Where the members' logs are. */
    public Path logDir() {
        return logDir;
    }

    /**
     * Each switch's role per running member, from each member's {@code /api/cluster}: datapath id (as the
     * controller prints it) to member number to role. A member that does not answer is left out.
     */
    public Map<String, Map<Integer, String>> roles() {
        Map<String, Map<Integer, String>> roles = new LinkedHashMap<>();
        for (ControllerProcess m : members) {
            if (!m.isAlive()) {
                continue;
            }
            m.cluster().ifPresent(json -> {
                for (JsonNode sw : json.path("switches")) {
                    roles.computeIfAbsent(sw.path("dpid").asText(), d -> new LinkedHashMap<>())
                            .put(m.number(), sw.path("role").asText());
                }
            });
        }
        return roles;
    }

    /**
     * The roles member {@code number} holds in {@code roles} (as {@link #roles()} gives them), counted:
     * "MASTER of 3, SLAVE of 1"; empty when it holds none.
     */
    public static String rolesHeld(Map<String, Map<Integer, String>> roles, int number) {
        Map<String, Long> counts = new TreeMap<>();
        roles.values().forEach(r -> {
            String role = r.get(number);
            if (role != null) {
                counts.merge(role, 1L, Long::sum);
            }
        });
        return String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " of " + e.getValue()).toList());
    }

    /** The newest generation id member {@code number} reports for any switch (0 when none or not answering). */
    public long generation(int number) {
        return member(number).cluster().map(json -> {
            long newest = 0;
            for (JsonNode sw : json.path("switches")) {
                newest = Math.max(newest, sw.path("generation_id").asLong());
            }
            return newest;
        }).orElse(0L);
    }

    /** The member that is MASTER of every one of {@code dpids}, if one is. */
    public Optional<ControllerProcess> masterOfAll(Collection<String> dpids) {
        Map<String, Map<Integer, String>> roles = roles();
        return members.stream().filter(m -> dpids.stream().allMatch(d ->
                "MASTER".equals(roles.getOrDefault(d, Map.of()).get(m.number())))).findFirst();
    }

    /**
     * Waits until every running member has every switch of {@code dpids} (controller's text form) connected,
     * and each switch has a member that may write to it (MASTER, or EQUAL without a cluster) when the running members
     * are a majority (with fewer, none can be elected master).
     *
     * @throws IllegalStateException naming what is missing when {@code timeout} passes first
     */
    public void awaitSwitches(Collection<String> dpids, Duration timeout, Consumer<String> progress) {
        Map<DatapathId, Set<OFPort>> none = new LinkedHashMap<>();
        dpids.forEach(d -> none.put(DatapathId.of(d), Set.of()));
        awaitReady(new ExpectedNetwork(none, Set.of()), Set.of(), timeout, progress);
    }

    /**
     * As {@link #awaitSwitches} for {@code want}'s switches, and then until every member that writes (the master, or
     * each member without a cluster) sees each switch with at least its expected number of ports, every link of
     * {@code want} and none of {@code gone}: what the embedded controller's readiness waits for, read from each
     * member's REST API.
     *
     * @param gone directed links that are down now, which a writing member must no longer see
     */
    public void awaitReady(ExpectedNetwork want, Set<Link> gone, Duration timeout, Consumer<String> progress) {
        List<String> dpids = want.switches().stream().sorted().map(DatapathId::toString).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String missing = missing(dpids);
            if (missing == null) {
                missing = unseen(want, gone);
            }
            if (missing == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("controllers not ready after " + timeout.toSeconds() + " s: " + missing
                        + "; logs in " + logDir);
            }
            progress.accept(missing);
            pause();
        }
    }

    /** What is not there yet, in one line; null when everything is. */
    private String missing(Collection<String> dpids) {
        Map<String, Map<Integer, String>> roles = roles();
        int running = 0;
        for (ControllerProcess m : members) {
            if (!m.isAlive()) {
                continue;
            }
            running++;
            long seen = dpids.stream().filter(d -> roles.getOrDefault(d, Map.of()).containsKey(m.number())).count();
            if (seen < dpids.size()) {
                return "controller " + m.number() + " has " + seen + "/" + dpids.size() + " switches";
            }
        }
        if (!majority(running, members.size())) {
            return null;   // no master can be elected: nothing more will come
        }
        Set<String> unwritten = new HashSet<>();
        for (String d : dpids) {
            if (roles.getOrDefault(d, Map.of()).values().stream().noneMatch(r -> r.equals("MASTER") || r.equals("EQUAL"))) {
                unwritten.add(d);
            }
        }
        return unwritten.isEmpty() ? null : unwritten.size() + " switches have no master yet";
    }

    /** What a writing member does not see yet (ports, links) or still sees (links down), in one line; null when none. */
    private String unseen(ExpectedNetwork want, Set<Link> gone) {
        Map<String, Map<Integer, String>> roles = roles();
        for (ControllerProcess m : members) {
            boolean writes = m.isAlive() && roles.values().stream().anyMatch(r -> {
                String role = r.get(m.number());
                return "MASTER".equals(role) || "EQUAL".equals(role);
            });
            if (!writes) {
                continue;
            }
            JsonNode switches = m.rest().get("/api/switches").orElse(null);
            JsonNode seenLinks = m.rest().get("/api/links").orElse(null);
            if (switches == null || seenLinks == null) {
                return "controller " + m.number() + " does not answer";
            }
            Map<String, Integer> reported = new LinkedHashMap<>();
            switches.forEach(sw -> reported.put(sw.path("dpid").asText(), sw.path("ports").asInt()));
            long lacking = want.ports().entrySet().stream()
                    .filter(e -> reported.getOrDefault(e.getKey().toString(), 0) < e.getValue().size()).count();
            if (lacking > 0) {
                return "controller " + m.number() + ": " + lacking + " switches still miss ports";
            }
            Set<Link> links = new HashSet<>();
            seenLinks.forEach(l -> links.add(new Link(DatapathId.of(l.path("src_dpid").asText()),
                    OFPort.of(l.path("src_port").asInt()), DatapathId.of(l.path("dst_dpid").asText()),
                    OFPort.of(l.path("dst_port").asInt()))));
            long found = want.links().stream().filter(links::contains).count();
            if (found < want.links().size()) {
                return "controller " + m.number() + " discovered " + found + " of " + want.links().size() + " links";
            }
            long stale = gone.stream().filter(links::contains).count();
            if (stale > 0) {
                return "controller " + m.number() + " still sees " + stale + " links that are down";
            }
        }
        return null;
    }

    /** Stops every member (SIGTERM, then SIGKILL) and removes the logs; no member starts after it. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {   // waits for a member being started (recorded, given its go), then lets none start
            closed = true;
        }
        // All at once: each takes a moment to close its switches, REST API and Raft server.
        List<Thread> stopping = new ArrayList<>();
        for (ControllerProcess m : members) {
            Thread t = new Thread(() -> m.stop(STOP_GRACE), "flowlab-stop-controller-" + m.number());
            t.setDaemon(true);
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(logDir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // already gone, or left for the user to read
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());   // polling REST: the members offer no push for this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the controllers");
        }
    }

    /** Ports free on 127.0.0.1 now: all held open together so none repeats, then released for the members. */
    private static List<Integer> freePorts(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find free ports on 127.0.0.1: " + e.getMessage(), e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
