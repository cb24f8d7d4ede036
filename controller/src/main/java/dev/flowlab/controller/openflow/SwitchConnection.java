package dev.flowlab.controller.openflow;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.IsSlaveException;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.SwitchErrorException;
import dev.flowlab.controller.role.RoleClaim;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.vlan.VlanStage;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchCounters;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.core.MessageSize;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowRemoved;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFRoleReply;
import org.projectfloodlight.openflow.protocol.OFRoleStatus;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A switch after its handshake: the {@link Switch} apps use, and the pipeline's last stage, which
 * turns messages into app events on the connection's I/O thread.
 *
 * <p>Messages leave in the order of the send calls, whichever threads make them. Writes made while
 * handling a read batch are flushed once, when the batch ends. When the
 * switch stops draining our writes, we stop reading it until it catches up ({@link ReadBackpressure}),
 * and drop packet-outs to it, then disconnect it if it stays that way ({@link SlowReaderGuard}):
 * a slow switch can neither make us buffer without bound nor delay the apps sending to it.
 */
public final class SwitchConnection extends ChannelInboundHandlerAdapter implements Switch {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchConnection.class);

    private final Channel channel;
    private final OFFactory of;   // the version the handshake agreed on
    private final DatapathId dpid;
    private final EventDispatcher dispatcher;
    private final SwitchRegistry registry;
    private final PendingRequests pending;
    private final Duration requestTimeout;
    private final InetSocketAddress remote;   // kept: a closed channel may no longer know it
    private final SwitchCounters counters;
    private final PortMap ports;
    private final SlowReaderGuard guard;
    private final VlanStage vlanStage;
    /**
     * Frames sent from threads other than the I/O thread, in the order of their send calls, until the I/O
     * thread writes them. A message sent on the I/O thread goes after them: Netty itself would write it at
     * once while theirs still waited in the event loop's task queue, so a message sent on the switch's own
     * thread overtook one another thread had sent before it (stp: a port's drop entry, added from one
     * thread, arrived after its delete, sent from the switch's thread, and stayed).
     */
    private final Queue<ByteBuf> fromOtherThreads = new ConcurrentLinkedQueue<>();
    /** Their bytes: counted against {@link ConnectionLimits#maxQueuedBytes} like those the channel holds. */
    private final AtomicLong fromOtherThreadsBytes = new AtomicLong();
    /**
     * Whether a task that writes {@link #fromOtherThreads} is queued on the I/O thread and has not started: one
     * task serves every frame sent meanwhile (a task per send filled Netty's task queue, which no bound counts).
     */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final Runnable drain = this::writeFromOtherThreads;
    private final Function<OFMessage, String> describe = this::describe;   // built only for the error line
    private ChannelHandlerContext ctx;
    private OfMessageEncoder encoder;   // says which message it could not encode; none in a bare test pipeline
    private boolean inReadBatch;   // touched only on the I/O thread
    private boolean warnedPortCap;  // likewise
    private volatile RoleOutcome role;   // written on the I/O thread only
    private RoleClaim inFlight;          // the claim a ROLE_REQUEST is out for; I/O thread only
    private boolean warnedSlaveWrite;    // I/O thread or a sender's: a benign race at worst (one extra line)
    private final boolean installTableMiss;

    SwitchConnection(Channel channel, OFFactory of, DatapathId dpid, Collection<OFPortDesc> ports,
                     EventDispatcher dispatcher, SwitchRegistry registry, ControllerConfig config, RoleOutcome role) {
        this.channel = channel;
        this.of = of;
        this.dpid = dpid;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.requestTimeout = config.requestTimeout();
        this.pending = new PendingRequests(dpid, config.limits().maxReplyBytes());
        this.counters = registry.counters(dpid);
        this.remote = (InetSocketAddress) channel.remoteAddress();
        this.ports = new PortMap(ports, config.limits().maxPorts());
        this.guard = new SlowReaderGuard(channel, dpid, config.limits());
        this.vlanStage = new VlanStage(of, config.vlanPorts(), this.ports::list);
        this.role = role;
        this.installTableMiss = config.installTableMiss();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.encoder = ctx.pipeline().get(OfMessageEncoder.class);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        inReadBatch = true;
        if (msg instanceof OFMessage message) {
            receive(message);
        } else if (msg instanceof RoleStatus status) {
            roleStatus(status);
        } else {
            ctx.fireExceptionCaught(new ProtocolViolation("unexpected " + msg + " after the handshake"));
        }
    }

    /**
     * The handshake finished (we are inside its read batch): report the switch up, close the
     * connection this one replaces, deliver what the handshake held back, in arrival order, then
     * claim again if the mastership's answer changed meanwhile.
     */
    void start(List<Object> held) {
        inReadBatch = true;
        if (!registry.up(this)) {   // its datapath id is taken by a live connection: the registry said why
            channel.close();
            return;
        }
        if (role.role() == Role.MASTER) {
            registry.mastership().becameMaster(this);
        }
        for (Object message : held) {
            if (message instanceof RoleStatus status) {
                roleStatus(status);
            } else {
                receive((OFMessage) message);
            }
        }
        // The mastership may have changed its mind while the handshake waited for the role reply: its
        // claimsChanged() then reached only the switches already registered, not this one.
        reclaimNow();
    }

    private void receive(OFMessage message) {
        if (message.getVersion() != of.getVersion()) {
            ctx.fireExceptionCaught(new ProtocolViolation("message in " + message.getVersion()
                    + " after negotiating " + VersionNegotiation.name(of.getVersion())));
            return;
        }
        if (message instanceof OFPacketIn packetIn) {  // the hot path: straight to the apps
            counters.packetIn();
            if (role.role().writes()) {   // a switch sends none to a SLAVE; one held from before the role is late
                dispatcher.packetIn(new PacketIn(this, packetIn));
            }
            return;
        }
        switch (message.getType()) {
            case PORT_STATUS -> portStatus((OFPortStatus) message);
            case ROLE_STATUS -> roleStatus(RoleStatus.of((OFRoleStatus) message));   // OpenFlow 1.4+
            case FLOW_REMOVED -> {
                if (role.role().writes()) {
                    dispatcher.flowRemoved(this, (OFFlowRemoved) message);
                }
            }
            case ERROR -> {
                counters.error();
                if (pending.answer(message)) {
                    return;
                }
                if (RoleMessages.isSlaveRefusal(message)) {
                    refusedAsSlave((OFErrorMsg) message);
                } else {
                    LOG.warn("dpid={} sent error {}", dpid, message);
                    if (role.role().writes()) {
                        dispatcher.error(this, (OFErrorMsg) message);
                    }
                }
            }
            case BARRIER_REPLY, STATS_REPLY, ROLE_REPLY -> {
                if (!pending.answer(message)) {
                    LOG.debug("dpid={} sent a reply nobody waits for: {}", dpid, message);
                }
            }
            default -> LOG.debug("dpid={} sent {}, ignored", dpid, message.getType());
        }
    }

    private void portStatus(OFPortStatus status) {
        if (!ports.apply(status)) {
            if (!warnedPortCap) {
                warnedPortCap = true;
                LOG.warn("dpid={} reports more than {} ports; ignoring the ports beyond that (and their status)",
                        dpid, ports.capacity());
            }
            return;
        }
        if (!role.role().writes()) {   // the ports are kept current for when we become master; the apps have no switch
            return;
        }
        if (status.getReason() == OFPortReason.ADD) {   // a port attached late gets its VLAN ingress entries now
            vlanStage.ingressEntries(status.getDesc()).forEach(this::write);
        }
        dispatcher.portStatus(this, status);
    }

    /** The role this controller holds for the switch, as the switch last told us. */
    @Override
    public Role role() {
        return role.role();
    }

    /** The generation id the switch reported with {@link #role()} (0 when none was exchanged). */
    public long generationId() {
        return role.generationId();
    }

    /** Why the switch last refused or withdrew our claim; empty when it did not. */
    public Optional<String> roleRefusal() {
        return Optional.ofNullable(role.refusal());
    }

    /**
     * Asks the {@link dev.flowlab.controller.role.Mastership} again which role to hold and, where that differs
     * from what the switch gives us, sends a ROLE_REQUEST. Safe from any thread: it runs on the switch's.
     */
    public void reclaim() {
        if (channel.eventLoop().inEventLoop()) {
            reclaimNow();
        } else {
            channel.eventLoop().execute(this::reclaimNow);
        }
    }

    private void reclaimNow() {
        if (!channel.isActive()) {
            return;
        }
        RoleClaim claim = registry.mastership().claim(dpid);
        RoleOutcome held = role;
        boolean same = claim.role() == held.role() && (claim.role() == Role.EQUAL || claim.generationId() == held.generationId());
        // The switch refused or withdrew this very claim: sent again, it would be refused again.
        boolean refused = held.refusal() != null && claim.role() != Role.EQUAL && claim.generationId() == held.generationId();
        if (same || refused || claim.equals(inFlight)) {
            return;
        }
        if (!RoleMessages.supported(of)) {
            changeRole(new RoleOutcome(claim.role() == Role.SLAVE ? Role.SLAVE : Role.EQUAL, 0, null), "no roles before OpenFlow 1.2");
            return;
        }
        inFlight = claim;
        CompletableFuture<OFRoleReply> reply = ask(RoleMessages.request(of, claim));
        reply.whenComplete((answer, failure) -> channel.eventLoop().execute(() -> roleAnswered(claim, answer, failure)));
    }

    private void roleAnswered(RoleClaim claim, OFRoleReply reply, Throwable failure) {
        if (claim.equals(inFlight)) {
            inFlight = null;
        }
        if (reply != null) {
            changeRole(new RoleOutcome(RoleMessages.role(reply.getRole()), reply.getGenerationId().getValue(), null),
                    "claimed " + claim);
        } else if (failure instanceof SwitchErrorException refused) {
            String why = RoleMessages.refusal(refused.error());
            changeRole(new RoleOutcome(Role.SLAVE, claim.generationId(), why), why);
            registry.mastership().claimRefused(dpid, claim, why);
        } else if (channel.isActive()) {
            LOG.warn("dpid={} did not answer the claim {}: {}; role stays {}", dpid, claim, failure.getMessage(), role.role());
        }
    }

    /** The switch tells a master it was demoted when another controller claims MASTER (ROLE_STATUS, or its 1.3 extension). */
    private void roleStatus(RoleStatus status) {
        String why = "the switch reports " + status.reasonText() + " (generation " + status.generationId() + ")";
        RoleOutcome before = role;
        changeRole(new RoleOutcome(status.role(), status.generationId(), status.role().writes() ? null : why), why);
        if (before.role().writes() && !status.role().writes()) {
            registry.mastership().claimRefused(dpid, new RoleClaim(before.role(), before.generationId()), why);
        }
    }

    /** A write refused with OFPBRC_IS_SLAVE: another controller took the switch without the switch telling us. */
    private void refusedAsSlave(OFErrorMsg error) {
        RoleOutcome before = role;
        if (!before.role().writes()) {
            LOG.debug("dpid={} refused a write sent before we became SLAVE: {}", dpid, error);
            return;
        }
        String why = "the switch refused a write with OFPBRC_IS_SLAVE: another controller is its master";
        changeRole(new RoleOutcome(Role.SLAVE, before.generationId(), why), why);
        registry.mastership().claimRefused(dpid, new RoleClaim(before.role(), before.generationId()), why);
    }

    /**
     * Takes on the role the switch now gives us. Becoming writable, the pipeline's core entries are installed
     * (the flow table is otherwise left as it is); the registry tells the apps; a new MASTER hands the switch to
     * the mastership for reconciliation.
     */
    private void changeRole(RoleOutcome next, String why) {
        RoleOutcome before = role;
        role = next;
        if (before.role() == next.role()) {
            return;
        }
        if (next.role().writes() && !before.role().writes()) {
            warnedSlaveWrite = false;
            if (installTableMiss) {
                vlanStage.baseEntries().forEach(this::write);
            }
        }
        registry.roleChanged(this, before.role(), why);
        if (next.role() == Role.MASTER) {
            registry.mastership().becameMaster(this);
        }
        if (!inReadBatch) {
            ctx.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        inReadBatch = false;
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        guard.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        guard.closed();
        pending.failAll(guard.disconnectedBecause());
        registry.down(this);
        ctx.fireChannelInactive();
    }

    @Override
    public DatapathId id() {
        return dpid;
    }

    @Override
    public List<OFPortDesc> ports() {
        return ports.list();
    }

    @Override
    public Optional<OFPortDesc> port(OFPort number) {
        return ports.get(number);
    }

    @Override
    public OFFactory factory() {
        return of;
    }

    /**
     * {@inheritDoc} A message OpenFlow cannot carry (larger than 65,535 bytes) throws
     * {@link IllegalArgumentException} saying so, and nothing of it (nor of the entries the VLAN stage makes
     * of it) goes to the switch. A message dropped for another reason (the switch disconnected, this
     * controller is its SLAVE, a packet-out to a switch that does not read) is dropped without a word.
     */
    @Override
    public void send(OFMessage message) {
        sendOrDrop(message);
    }

    /** {@link #send}; whether it went (every entry the VLAN stage made of it), false when it was dropped. */
    private boolean sendOrDrop(OFMessage message) {
        message = registry.flowFilters().apply(this, message);   // what apps add to each other's entries
        List<OFMessage> translated = vlanStage.active() ? vlanStage.translate(message) : null;   // into the VLAN pipeline
        if (translated == null || translated.size() == 1) {
            return write(translated == null ? message : translated.get(0));
        }
        List<ByteBuf> frames = new ArrayList<>(translated.size());   // several entries for one: all or none
        try {
            for (OFMessage m : translated) {
                frames.add(encode(m));
            }
        } catch (RuntimeException e) {
            frames.forEach(ByteBuf::release);
            throw e;
        }
        boolean all = true;
        for (int i = 0; i < translated.size(); i++) {
            all &= write(translated.get(i), frames.get(i));
        }
        return all;
    }

    @Override
    public void sendPacketOut(OFPacketOut packetOut, Ethernet frame) {
        write(vlanStage.translate(packetOut, frame));   // flow filters touch flow-mods only
    }

    @Override
    public List<OFFlowMod> installed(OFFlowMod mod) {
        return vlanStage.translate(registry.flowFilters().apply(this, mod)).stream().map(OFFlowMod.class::cast).toList();
    }

    private String describe(OFMessage message) {
        return "the " + message.getType() + " to switch " + dpid;
    }

    /** The message's bytes, encoded on the caller's thread; throws the one line of a message OpenFlow cannot carry. */
    private ByteBuf encode(OFMessage message) {
        return MessageSize.encode(channel.alloc(), message, describe);
    }

    /**
     * Writes a message. On the I/O thread (the packet-in path) the encoder writes it straight into the read
     * batch's buffer and says right away whether it could not; from another thread it is encoded here first,
     * so that its sender hears it, and the bytes go to the I/O thread.
     */
    private boolean write(OFMessage message) {
        if (!channel.eventLoop().inEventLoop()) {
            return write(message, encode(message));
        }
        if (!admitted(message)) {
            return false;
        }
        writeQueued();   // what other threads sent before this call goes first
        if (inReadBatch) {
            ctx.write(message, ctx.voidPromise());   // flushed with the batch in channelReadComplete
        } else {
            ctx.writeAndFlush(message, ctx.voidPromise());
        }
        RuntimeException refused = encoder == null ? null : encoder.refusalOf(message);
        if (refused != null) {
            throw MessageSize.refusal(message, describe(message), refused);
        }
        counters.sent(message);
        return true;
    }

    /** Writes {@code frame}, the bytes of {@code message}, or drops (and releases) it: whether it was written. */
    private boolean write(OFMessage message, ByteBuf frame) {
        if (!admitted(message)) {
            frame.release();
            return false;
        }
        if (!channel.eventLoop().inEventLoop()) {
            int size = frame.readableBytes();
            if (!guard.admitWaiting(message, fromOtherThreadsBytes.addAndGet(size))) {
                fromOtherThreadsBytes.addAndGet(-size);
                frame.release();
                return false;
            }
            counters.sent(message);
            fromOtherThreads.add(frame);
            // A queued task that has not started yet will take this frame too: it clears the flag before it polls.
            if (drainQueued.compareAndSet(false, true)) {
                try {
                    channel.eventLoop().execute(drain);
                } catch (RejectedExecutionException closing) {   // the controller is shutting down: nothing goes out any more
                    drainQueued.set(false);
                    for (ByteBuf f = fromOtherThreads.poll(); f != null; f = fromOtherThreads.poll()) {
                        fromOtherThreadsBytes.addAndGet(-f.readableBytes());
                        f.release();
                    }
                }
            }
            return true;
        }
        counters.sent(message);
        writeQueued();   // what other threads sent before this call goes first
        if (inReadBatch) {
            ctx.write(frame, ctx.voidPromise());   // flushed with the batch in channelReadComplete
        } else {
            ctx.writeAndFlush(frame, ctx.voidPromise());
        }
        return true;
    }

    /** On the I/O thread: writes and flushes what other threads sent (a later task may find nothing left). */
    private void writeFromOtherThreads() {
        drainQueued.set(false);
        if (writeQueued()) {
            ctx.flush();   // as Netty's writeAndFlush from another thread did: nobody else may flush it soon
        }
    }

    /** On the I/O thread: writes, in order, the frames other threads sent so far; whether there were any. */
    private boolean writeQueued() {
        boolean any = false;
        for (ByteBuf frame = fromOtherThreads.poll(); frame != null; frame = fromOtherThreads.poll()) {
            fromOtherThreadsBytes.addAndGet(-frame.readableBytes());
            ctx.write(frame, ctx.voidPromise());   // on a closed channel Netty fails the write and releases the frame
            any = true;
        }
        return any;
    }

    /** Whether {@code message} may go to the switch now; false (after a log line where one helps) when it is dropped. */
    private boolean admitted(OFMessage message) {
        if (!channel.isActive() || registry.isSilent()) {
            LOG.debug("dpid={} is disconnected or the controller is dropping its switches; dropped {}", dpid,
                    message.getType());
            return false;
        }
        if (!role.role().writes() && RoleMessages.isWrite(message)) {   // a SLAVE never writes
            if (!warnedSlaveWrite) {
                warnedSlaveWrite = true;
                LOG.warn("dpid={} this controller is SLAVE for the switch: dropped {} (and drops every write until it is master)",
                        dpid, message.getType());
            }
            return false;
        }
        // Answers to this switch's own packet-ins, while we read them, are bounded by reading itself (we stop
        // when it stops draining them). Anything else waits on nobody: the guard queues or drops it at once.
        boolean ownReadBatch = inReadBatch && channel.eventLoop().inEventLoop();
        return ownReadBatch || guard.admit(message);
    }

    @Override
    public CompletableFuture<OFBarrierReply> barrier() {
        return ask(of.buildBarrierRequest().build());
    }

    @Override
    public CompletableFuture<Void> sendConfirmed(OFMessage message) {
        if (message.getXid() == 0) {
            message = message.createBuilder().setXid(of.nextXid()).build();
        }
        if (!role.role().writes() && RoleMessages.isWrite(message)) {
            return CompletableFuture.failedFuture(new IsSlaveException(dpid));
        }
        long xid = message.getXid();
        // An error answering the message carries its XID; a switch processes in order, so if no error
        // came before the barrier reply, none will.
        CompletableFuture<Void> outcome = pending.expect(xid);
        try {
            if (!sendOrDrop(message)) {   // the barrier would confirm a message that never went
                pending.forget(xid);
                return CompletableFuture.failedFuture(new IllegalStateException(dropped(message)));
            }
        } catch (RuntimeException unsendable) {   // too large for OpenFlow: nothing went out
            pending.forget(xid);
            return CompletableFuture.failedFuture(unsendable);
        }
        barrier().whenComplete((reply, failure) -> {
            pending.forget(xid);
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(null);
            }
        });
        return outcome;
    }

    /** Why {@code message} was dropped, in one line. */
    private String dropped(OFMessage message) {
        String why = !channel.isActive() ? "the switch is disconnected"
                : registry.isSilent() ? "the controller is dropping its switches"
                : !role.role().writes() ? "this controller is SLAVE for the switch"
                : "it is a packet-out and the switch (or its I/O thread) is behind with what we sent";
        return describe(message) + " was dropped: " + why;
    }

    @Override
    public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
        return ask(request);
    }

    private <T> CompletableFuture<T> ask(OFMessage request) {
        if (!channel.isActive()) {
            return CompletableFuture.failedFuture(new IllegalStateException("switch " + dpid + " disconnected"));
        }
        if (request.getXid() == 0) {  // built without the factory: the reply must be told apart
            request = request.createBuilder().setXid(of.nextXid()).build();
        }
        long xid = request.getXid();
        CompletableFuture<T> reply = pending.expect(xid);
        try {
            if (!sendOrDrop(request)) {   // no reply would come: say why now rather than time out
                pending.forget(xid);
                return CompletableFuture.failedFuture(new IllegalStateException(dropped(request)));
            }
        } catch (RuntimeException unsendable) {   // too large for OpenFlow: nothing went out
            pending.forget(xid);
            return CompletableFuture.failedFuture(unsendable);
        }
        if (!channel.isActive()) {   // closed since the check above: failAll may have run before expect() did
            pending.fail(xid, guard.disconnectedBecause());
            return reply;
        }
        long millis = requestTimeout.toMillis();
        try {
            ScheduledFuture<?> timeout = channel.eventLoop().schedule(() -> pending.timeOut(xid, millis), millis, TimeUnit.MILLISECONDS);
            reply.whenComplete((r, e) -> timeout.cancel(false));
        } catch (RejectedExecutionException closing) {   // the controller is shutting down: no reply will be read
            pending.fail(xid, "the controller is closing");
        }
        return reply;
    }

    @Override
    public boolean isConnected() {
        return channel.isActive();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public String toString() {
        return "Switch[dpid=" + dpid + " " + remoteAddress() + "]";
    }
}
