package dev.flowlab.cluster;

import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.store.StoreListeners;
import dev.flowlab.controller.store.StoreState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis glue around {@link ClusterState}: applies committed entries one at a time, tells the
 * configuration store's listeners and the member about them, writes and loads snapshots (one small
 * JSON file), and passes Raft leadership events on.
 */
final class ClusterStateMachine extends BaseStateMachine {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStateMachine.class);

    /** What the member hears from the log and from Raft. */
    interface Events {
        /** This member is leader and has committed an entry of its term: it may claim mastership. */
        void leaderReady();

        /** The Raft leader is now {@code leaderId} (null: none known). */
        void leaderChanged(String leaderId);

        /** {@code master} claimed {@code generation} in an entry of Raft term {@code term}. */
        void claimed(String master, long generation, long term);
    }

    private final ClusterState state = new ClusterState();
    private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
    private final StoreListeners listeners = new StoreListeners();
    private final Events events;
    /** Writers waiting until this member applied their entry, by log index. */
    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> waiting = new ConcurrentSkipListMap<>();

    ClusterStateMachine(Events events) {
        this.events = events;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        getLifeCycle().startAndTransition(() -> {
            storage.init(raftStorage);
            load(storage.getLatestSnapshot());
        });
    }

    /** Ratis pauses the state machine before it installs a snapshot from the leader, then calls {@link #reinitialize}. */
    @Override
    public void pause() {
        if (getLifeCycleState() == LifeCycle.State.RUNNING) {
            getLifeCycle().transition(LifeCycle.State.PAUSING);
            getLifeCycle().transition(LifeCycle.State.PAUSED);
        }
    }

    @Override
    public void reinitialize() throws IOException {   // a snapshot was installed from the leader
        load(storage.loadLatestSnapshot());
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    private void load(SingleFileSnapshotInfo snapshot) throws IOException {
        if (snapshot == null || !Files.exists(snapshot.getFile().getPath())) {
            return;
        }
        Path file = snapshot.getFile().getPath();
        if (snapshot.getFile().getFileDigest() != null) {
            MD5FileUtil.verifySavedMD5(file.toFile(), snapshot.getFile().getFileDigest());
        }
        byte[] bytes = Files.readAllBytes(file);
        List<StoreState.Change> changes;
        String master;
        long generation;
        synchronized (state) {
            changes = state.restore(bytes);
            master = state.master();
            generation = state.generation();
            updateLastAppliedTermIndex(snapshot.getTermIndex());
            listeners.fire(changes);
        }
        LOG.info("cluster: loaded snapshot at {}: generation {} of {}, {} changed keys", snapshot.getTermIndex(),
                generation, master, changes.size());
        if (master != null) {
            events.claimed(master, generation, snapshot.getTerm());
        }
        releaseWaiting(snapshot.getIndex());
    }

    @Override
    public long takeSnapshot() throws IOException {
        byte[] bytes;
        TermIndex applied;
        synchronized (state) {
            bytes = state.toBytes();
            applied = getLastAppliedTermIndex();
        }
        if (applied == null || applied.getIndex() < 0) {
            return -1;
        }
        Path file = storage.getSnapshotFile(applied.getTerm(), applied.getIndex()).toPath();
        Files.write(file, bytes);
        storage.updateLatestSnapshot(new SingleFileSnapshotInfo(
                new FileInfo(file, MD5FileUtil.computeAndSaveMd5ForFile(file.toFile())), applied));
        return applied.getIndex();
    }

    @Override
    public SimpleStateMachineStorage getStateMachineStorage() {
        return storage;
    }

    /**
     * Runs on the leader before it appends an entry: a claim is taken only from the leader itself, so a
     * member that lost leadership while its claim was in flight cannot have it committed by the next leader.
     */
    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext trx = super.startTransaction(request);
        Command command = Command.of(request.getMessage().getContent().toByteArray());
        if (command.op() == Command.Op.CLAIM && !getId().toString().equals(command.member())) {
            trx.setException(new IllegalStateException("member " + command.member() + " claims mastership, but "
                    + getId() + " leads"));
        }
        return trx;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        ClusterState.Applied applied;
        long generation;
        String master;
        try {
            Command command = Command.of(entry.getStateMachineLogEntry().getLogData().toByteArray());
            synchronized (state) {   // listeners hear changes under the lock a new listener's first read takes
                applied = state.apply(command);
                generation = state.generation();
                master = state.master();
                updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
                listeners.fire(applied.changes());
            }
        } catch (RuntimeException e) {   // the same on every member: the writer hears it, the log goes on
            synchronized (state) {
                updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
            }
            releaseWaiting(entry.getIndex());
            return CompletableFuture.completedFuture(Message.valueOf("!" + e.getMessage()));
        }
        if (applied.claimed()) {
            events.claimed(master, generation, entry.getTerm());
        }
        releaseWaiting(entry.getIndex());
        return CompletableFuture.completedFuture(Message.valueOf(String.valueOf(applied.answer())));
    }

    @Override
    public void notifyTermIndexUpdated(long term, long index) {   // entries with no command (elections, configuration)
        super.notifyTermIndexUpdated(term, index);
        releaseWaiting(index);
    }

    @Override
    public void notifyLeaderReady() {
        events.leaderReady();
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeader) {
        events.leaderChanged(newLeader == null ? null : newLeader.toString());
    }

    /** Completes once this member has applied the entry at {@code index}. */
    CompletableFuture<Void> applied(long index) {
        CompletableFuture<Void> done = waiting.computeIfAbsent(index, i -> new CompletableFuture<>());
        TermIndex last = getLastAppliedTermIndex();
        if (last != null && last.getIndex() >= index) {
            releaseWaiting(last.getIndex());
        }
        return done;
    }

    private void releaseWaiting(long appliedIndex) {
        Map<Long, CompletableFuture<Void>> done = waiting.headMap(appliedIndex, true);
        done.values().forEach(f -> f.complete(null));
        done.clear();
    }

    /** The documents under {@code prefix}, as this member applied them. */
    SortedMap<String, String> list(String prefix) {
        synchronized (state) {
            return state.list(prefix);
        }
    }

    /** Tells {@code listener} the documents under {@code prefix} now, then every later change there. */
    void listen(String prefix, ConfigStore.Listener listener) {
        synchronized (state) {
            listeners.add(prefix, listener, state.list(prefix));
        }
    }

    /** The last generation id handed out and its master (null before the first claim). */
    Claim claim() {
        synchronized (state) {
            return new Claim(state.master(), state.generation());
        }
    }

    /** A master and its generation id. */
    record Claim(String master, long generation) {
    }
}
