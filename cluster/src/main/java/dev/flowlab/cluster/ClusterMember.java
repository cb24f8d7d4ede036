package dev.flowlab.cluster;

import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.openflow.TlsFiles;
import dev.flowlab.controller.role.RoleClaim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a cluster of flowlab controllers, in this process: a Ratis (Raft) server with the
 * cluster's state machine, and a client that sends this member's writes to the leader.
 *
 * <p>Mastership: one master for every switch, the Raft leader. When a member becomes leader (and
 * has committed an entry of its term) it appends a claim; applying it hands out the next
 * generation id, the same on every member, strictly increasing across leader changes and restarts
 * (it is in the log and the snapshots). A member is MASTER while it is the leader that made the
 * latest claim; it turns SLAVE as soon as Raft tells it another member leads, or none does.
 *
 * <p>{@link #store()} is the replicated configuration store controllers and apps keep run-time
 * configuration in.
 *
 * <pre>{@code
 * try (ClusterMember m = ClusterMember.start(ClusterSpec.parse("1@127.0.0.1:7001,2@...", "1", dir))) {
 *     m.onRoleChange((role, generation) -> ...);
 *     Controller.start(ControllerConfig.builder().configStore(m.store())...build());
 * }
 * }</pre>
 */
public final class ClusterMember implements AutoCloseable, ClusterStateMachine.Events {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);
    /** Every flowlab cluster is one Raft group; its members are told apart by their addresses. */
    static final RaftGroupId GROUP_ID = RaftGroupId.valueOf(UUID.nameUUIDFromBytes(
            "flowlab-controllers".getBytes(StandardCharsets.UTF_8)));

    private static final Duration CLAIM_RETRY = Duration.ofMillis(200);
    /** How long apps' seeds of their config files are tried while the cluster has no leader. */
    private static final Duration SEED_PATIENCE = Duration.ofSeconds(60);
    /** The longest a restarted member waits for a switch before it stands for election anyway. */
    static final Duration RESTART_HOLD = Duration.ofSeconds(10);

    private final ClusterSpec spec;
    private final TlsFiles tls;
    private final List<MastershipListener> roleListeners = new CopyOnWriteArrayList<>();
    private final ClusterStateMachine stateMachine;
    private final ReplicatedStore store;
    private RaftServer server;
    private RaftClient client;
    /** Sends claims straight to this member, once: only this member, while it leads, may append its claim. */
    private RaftClient claimClient;
    /** Role and generation change together: read apart, a new role could pair with the old generation. */
    private volatile Standing standing = new Standing(Role.SLAVE, 0);
    private volatile String leader;
    private final AtomicBoolean electionsHeld = new AtomicBoolean();

    private ClusterMember(ClusterSpec spec, TlsFiles tls) {
        this.spec = spec;
        this.tls = tls;
        this.stateMachine = new ClusterStateMachine(this);
        this.store = new ReplicatedStore();
    }

    /**
     * Starts this member; it finds the others (and a leader) in the background.
     *
     * @throws IllegalStateException naming the address when the Raft port cannot be bound, or the storage used
     */
    public static ClusterMember start(ClusterSpec spec) {
        return start(spec, (TlsFiles) null);
    }

    /**
     * Starts this member with its Raft traffic over mutual TLS: {@code tls} is its key and certificate and
     * the CA every other member's certificate must come from (null: plaintext). Every member needs TLS then.
     */
    public static ClusterMember start(ClusterSpec spec, TlsFiles tls) {
        return start(spec, tls, RaftSettings.Compaction.DEFAULT);
    }

    /** Starts a member that compacts its log as {@code compaction} says (tests do it often). */
    static ClusterMember start(ClusterSpec spec, RaftSettings.Compaction compaction) {
        return start(spec, null, compaction);
    }

    static ClusterMember start(ClusterSpec spec, TlsFiles tls, RaftSettings.Compaction compaction) {
        ClusterMember member = new ClusterMember(spec, tls);
        try {
            member.startRaft(compaction);
            return member;
        } catch (IOException | RuntimeException e) {
            member.close();
            throw new IllegalStateException("cluster member " + spec.selfAddress() + " cannot start: " + e.getMessage()
                    + " (is the port taken, or the storage " + spec.storage() + " not writable?)", e);
        }
    }

    private void startRaft(RaftSettings.Compaction compaction) throws IOException {
        RaftProperties properties = RaftSettings.properties(spec, compaction);
        Parameters parameters = RaftSettings.parameters(tls);
        RaftGroup group = RaftGroup.valueOf(GROUP_ID, spec.members().stream()
                .map(m -> RaftPeer.newBuilder().setId(m.id()).setAddress(m.hostPort()).build()).toList());
        Files.createDirectories(spec.storage());
        boolean existing = Files.isDirectory(spec.storage().resolve(GROUP_ID.getUuid().toString()));
        server = RaftServer.newBuilder().setServerId(RaftPeerId.valueOf(spec.self())).setGroup(group)
                .setProperties(properties).setParameters(parameters).setStateMachine(stateMachine)
                .setOption(existing ? RaftStorage.StartupOption.RECOVER : RaftStorage.StartupOption.FORMAT)
                .build();
        server.start();
        client = client(properties, parameters, group).build();
        claimClient = RaftClient.newBuilder().setProperties(properties).setParameters(parameters).setRaftGroup(group)
                .setLeaderId(RaftPeerId.valueOf(spec.self())).setRetryPolicy(RetryPolicies.noRetry()).build();
        LOG.info("cluster member {} started (members {}, storage {}, election timeout {}-{} ms)", spec.self(),
                spec.members(), spec.storage(), spec.electionTimeout().toMillis(), 2 * spec.electionTimeout().toMillis());
        if (existing) {
            holdElections();
        }
    }

    /**
     * A member that restarts into a running cluster does not stand for election until its controller
     * has a switch again ({@link #controllerReady}), or {@link #RESTART_HOLD} passed: Open vSwitch
     * reconnects to a restarted controller only seconds after it listens again (its reconnect
     * backoff), and a master with no switch connected would leave them all without one meanwhile. It
     * still votes, so the others elect a leader without it.
     */
    private void holdElections() {
        try {
            RaftClientReply paused = client.getLeaderElectionManagementApi(RaftPeerId.valueOf(spec.self())).pause();
            if (!paused.isSuccess()) {
                throw new IOException(String.valueOf(paused.getException()));
            }
            electionsHeld.set(true);
            LOG.info("cluster member {} restarted: it stands for election once a switch is connected (at most {} s)",
                    spec.self(), RESTART_HOLD.toSeconds());
            CompletableFuture.runAsync(this::controllerReady,
                    CompletableFuture.delayedExecutor(RESTART_HOLD.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            LOG.warn("cluster member {} could not hold its elections after a restart: {}", spec.self(), e.toString());
        }
    }

    /**
     * This member's controller has a switch connected: it may stand for election (after a restart it
     * waited). Returns at once; the call to Raft runs on another thread.
     */
    public void controllerReady() {
        if (electionsHeld.compareAndSet(true, false)) {
            CompletableFuture.runAsync(() -> {
                try {
                    RaftClientReply resumed = client.getLeaderElectionManagementApi(RaftPeerId.valueOf(spec.self())).resume();
                    if (!resumed.isSuccess()) {
                        throw new IOException(String.valueOf(resumed.getException()));
                    }
                    LOG.info("cluster member {} stands for election again", spec.self());
                } catch (IOException e) {
                    LOG.warn("cluster member {} could not resume its elections: {}", spec.self(), e.toString());
                }
            });
        }
    }

    /**
     * A write waits out an election (about a second) but gives up after about 5 s without a leader (a
     * minority of members is up), so the REST call that made it answers with why.
     */
    private static RaftClient.Builder client(RaftProperties properties, Parameters parameters, RaftGroup group) {
        return RaftClient.newBuilder().setProperties(properties).setParameters(parameters).setRaftGroup(group)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(50,
                        TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)));
    }

    /** This member's id. */
    public String id() {
        return spec.self();
    }

    /** Every member of the cluster. */
    public List<MemberAddress> members() {
        return spec.members();
    }

    /** The Raft leader as this member knows it. */
    public Optional<String> leader() {
        return Optional.ofNullable(leader);
    }

    /** This member's role for every switch. */
    public Role role() {
        return standing.role();
    }

    /** The generation id of the latest claim this member applied (0 before the first). */
    public long generation() {
        return standing.generation();
    }

    /** The claim this member makes for every switch now: its role with the generation it holds it under. */
    public RoleClaim currentClaim() {
        Standing now = standing;
        return now.role() == Role.MASTER ? RoleClaim.master(now.generation()) : RoleClaim.slave(now.generation());
    }

    /** The member holding the latest claim as this member applied it. */
    public Optional<String> master() {
        return Optional.ofNullable(stateMachine.claim().master());
    }

    /** Hears every later role change of this member. */
    public void onRoleChange(MastershipListener listener) {
        roleListeners.add(listener);
    }

    /** The replicated configuration store. */
    public ConfigStore store() {
        return store;
    }

    @Override
    public void leaderReady() {
        LOG.info("cluster member {} is Raft leader: claiming mastership", spec.self());
        claim(currentTerm());
    }

    /**
     * Appends this member's claim; tries again after a pause while it still leads in {@code term} (a
     * claim lost to a busy moment must not leave the switches without a master for the whole term).
     */
    private void claim(long term) {
        write(claimClient, Command.claim(spec.self())).whenComplete((generation, e) -> {
            if (e == null) {
                return;
            }
            if (leadsIn(term)) {
                LOG.warn("cluster member {} could not claim mastership ({}); trying again", spec.self(), e.toString());
                CompletableFuture.runAsync(() -> claim(term),
                        CompletableFuture.delayedExecutor(CLAIM_RETRY.toMillis(), TimeUnit.MILLISECONDS));
            } else {
                LOG.info("cluster member {} no longer leads: its claim lapsed ({})", spec.self(), e.toString());
            }
        });
    }

    private long currentTerm() {
        try {
            return server.getDivision(GROUP_ID).getInfo().getCurrentTerm();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void leaderChanged(String leaderId) {
        this.leader = leaderId;
        LOG.info("cluster member {}: Raft leader is now {}", spec.self(), leaderId == null ? "unknown" : leaderId);
        if (!spec.self().equals(leaderId)) {
            changeRole(Role.SLAVE, standing.generation());   // at once: the new leader's claim follows
        }
    }

    @Override
    public void claimed(String master, long claimedGeneration, long term) {
        boolean mine = spec.self().equals(master) && leadsIn(term);
        changeRole(mine ? Role.MASTER : Role.SLAVE, claimedGeneration);
    }

    /** Whether this member is the Raft leader now, in {@code term} (an old claim of its own does not count). */
    private boolean leadsIn(long term) {
        try {
            DivisionInfo info = server.getDivision(GROUP_ID).getInfo();
            return info.isLeader() && info.getCurrentTerm() == term;
        } catch (IOException | RuntimeException e) {   // still starting, or closing
            return false;
        }
    }

    private synchronized void changeRole(Role next, long nextGeneration) {
        Standing now = new Standing(next, nextGeneration);
        Role before = standing.role();
        if (now.equals(standing)) {
            return;
        }
        standing = now;
        if (before != next) {
            LOG.info("cluster member {}: {} -> {} (generation {})", spec.self(), before, next, nextGeneration);
        }
        for (MastershipListener l : roleListeners) {
            try {
                l.roleChanged(next, nextGeneration);
            } catch (RuntimeException e) {
                LOG.warn("role listener threw: {}", e.toString(), e);
            }
        }
    }

    /** Sends {@code command} through the leader; completes with its answer once this member applied it. */
    private CompletableFuture<String> write(Command command) {
        return write(client, command);
    }

    private CompletableFuture<String> write(RaftClient through, Command command) {
        return through.async().send(Message.valueOf(ByteString.copyFrom(command.bytes()))).exceptionally(e -> {
            throw new CompletionException(new IllegalStateException("the cluster took no change: no leader answered"
                    + " (is a majority of the members " + spec.members() + " up?): " + e.getMessage(), e));
        }).thenCompose(reply -> {
            if (!reply.isSuccess()) {
                throw new CompletionException(new IllegalStateException("the cluster did not take the change: "
                        + reply.getException()));
            }
            String answer = reply.getMessage().getContent().toStringUtf8();
            if (answer.startsWith("!")) {
                throw new CompletionException(new IllegalArgumentException(answer.substring(1)));
            }
            return stateMachine.applied(reply.getLogIndex()).thenApply(v -> answer);
        });
    }

    @Override
    public void close() {
        try {
            if (claimClient != null) {
                claimClient.close();
            }
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cluster member " + spec.self() + " did not close cleanly", e);
        }
    }

    /** This member's role for every switch and the generation id of the claim it holds it under. */
    private record Standing(Role role, long generation) {
    }

    /** The configuration store: writes go through the log, reads and listeners are this member's. */
    private final class ReplicatedStore implements ConfigStore {
        @Override
        public CompletableFuture<Void> put(String key, String json) {
            return write(Command.put(key, json)).thenApply(answer -> null);
        }

        @Override
        public CompletableFuture<Long> add(String prefix, String json) {
            return write(Command.add(prefix, json)).thenApply(Long::valueOf);
        }

        /**
         * Members started one by one (on several machines, say) may have no majority yet when their apps
         * seed: a seed is harmless to repeat, so it goes on trying for {@link #SEED_PATIENCE}.
         */
        @Override
        public CompletableFuture<Boolean> seed(String prefix, List<String> jsons) {
            return seed(Command.seed(prefix, jsons), System.nanoTime() + SEED_PATIENCE.toNanos());
        }

        private CompletableFuture<Boolean> seed(Command command, long giveUpAt) {
            return write(command).thenApply(Boolean::valueOf).handle((seeded, e) -> {
                if (e == null) {
                    return CompletableFuture.completedFuture(seeded);
                }
                boolean refused = (e instanceof CompletionException c ? c.getCause() : e) instanceof IllegalArgumentException;
                if (refused || System.nanoTime() > giveUpAt) {   // refused (the store is full): the same next time
                    return CompletableFuture.<Boolean>failedFuture(e);
                }
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                        .thenCompose(v -> seed(command, giveUpAt));
            }).thenCompose(f -> f);
        }

        @Override
        public CompletableFuture<Boolean> remove(String key) {
            return write(Command.remove(key)).thenApply(Boolean::valueOf);
        }

        @Override
        public SortedMap<String, String> list(String prefix) {
            return stateMachine.list(prefix);
        }

        @Override
        public void listen(String prefix, Listener listener) {
            stateMachine.listen(prefix, listener);
        }
    }
}
