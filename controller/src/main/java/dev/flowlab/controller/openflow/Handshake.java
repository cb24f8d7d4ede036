package dev.flowlab.controller.openflow;

import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.role.RoleClaim;
import dev.flowlab.controller.vlan.VlanStage;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.SwitchRegistry;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFConfigFlags;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesReply;
import org.projectfloodlight.openflow.protocol.OFHello;
import org.projectfloodlight.openflow.protocol.OFHelloFailedCode;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketIn;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsReply;
import org.projectfloodlight.openflow.protocol.OFRoleReply;
import org.projectfloodlight.openflow.protocol.OFRoleRequest;
import org.projectfloodlight.openflow.protocol.OFRoleStatus;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.OFErrorCauseData;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a new connection to the point where apps may use it: HELLO (the version both sides speak,
 * {@link VersionNegotiation}), FEATURES, SET_CONFIG, port description, the role the
 * {@link dev.flowlab.controller.role.Mastership} claims (a ROLE_REQUEST unless EQUAL), the table-miss
 * entry (only where we may write; OpenFlow 1.3+ has none by default: without it there are no
 * packet-ins) and a barrier. OpenFlow 1.0 differs: its FEATURES_REPLY lists the ports (there is no
 * port description request) and a miss goes to the controller without any entry, so those two steps
 * are skipped. Then it hands the connection over to a
 * {@link SwitchConnection} and reports the switch up. Asynchronous messages that arrive on the way
 * (port status, early packet-ins) are held and delivered, in order, right after switch up; so is the last
 * role status (another controller claimed MASTER after the switch answered our claim), which only the
 * newest matters of: one at most is held, and our role reply outdates any that came before it.
 */
final class Handshake extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);
    /** What a held message costs besides its packet data (object headers, match, fields): an estimate. */
    private static final int HELD_OVERHEAD = 256;

    private final ControllerConfig config;
    private final ConnectionLimits limits;
    private final EventDispatcher dispatcher;
    private final SwitchRegistry registry;
    private final ConnectionGate gate;
    private final List<Object> held = new ArrayList<>();   // OFMessages, and at most one RoleStatus
    private final Map<OFPort, OFPortDesc> ports = new LinkedHashMap<>();
    private HandshakeState state = HandshakeState.WAIT_HELLO;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timeout;
    private ScheduledFuture<?> helloTimeout;
    private long heldBytes;
    private long droppedHeld;
    private RoleStatus heldStatus;   // the one in held, if any
    private DatapathId dpid;
    private long barrierXid;
    private long roleXid = -1;
    private RoleClaim claim;
    private RoleOutcome role;
    private boolean refused;
    private OFFactory of;   // the negotiated version's, once the switch's HELLO came

    Handshake(ControllerConfig config, EventDispatcher dispatcher, SwitchRegistry registry, ConnectionGate gate) {
        this.config = config;
        this.limits = config.limits();
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.gate = gate;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long millis = config.handshakeTimeout().toMillis();
        timeout = ctx.executor().schedule(() -> {
            LOG.warn("{} closing connection: handshake not finished within {} ms (stuck in {})",
                    ConnectionErrors.describe(ctx.channel()), millis, state);
            ctx.close();
        }, millis, TimeUnit.MILLISECONDS);
        // A switch says HELLO as soon as it connects; a peer that says nothing is no switch.
        long helloMillis = limits.helloTimeout().toMillis();
        helloTimeout = ctx.executor().schedule(() -> {
            if (state == HandshakeState.WAIT_HELLO) {
                LOG.warn("{} closing connection: no HELLO within {} ms", ConnectionErrors.describe(ctx.channel()), helloMillis);
                ctx.close();
            }
        }, helloMillis, TimeUnit.MILLISECONDS);
        ctx.writeAndFlush(VersionNegotiation.ourHello(), ctx.voidPromise());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!refused) {
            state.handle(this, msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        timeout.cancel(false);
        helloTimeout.cancel(false);
        ctx.fireChannelInactive();
    }

    void onHello(Object msg) {
        if (msg instanceof ForeignHello foreign) {
            refuse(foreign.version(), "OpenFlow wire version " + foreign.version());
        } else if (msg instanceof OFHello hello) {
            Optional<OFVersion> agreed = VersionNegotiation.agree(hello);
            if (agreed.isPresent()) {
                of = OFFactories.getFactory(agreed.get());
                ctx.channel().attr(VersionNegotiation.AGREED).set(agreed.get());
                ctx.write(of.buildFeaturesRequest().build(), ctx.voidPromise());
                state = HandshakeState.WAIT_FEATURES;
            } else {
                refuse(hello.getVersion().getWireVersion(), VersionNegotiation.offered(hello));
            }
        } else {
            ctx.fireExceptionCaught(new ProtocolViolation("expected HELLO first, got " + describe(msg)));
        }
    }

    /** Spec 1.3 section 6.3.1: HELLO_FAILED/INCOMPATIBLE with an explanation, in a version the peer reads, then close. */
    private void refuse(int wireVersion, String offered) {
        LOG.warn("{} closing connection: no OpenFlow version in common (its HELLO offered {}; flowlab speaks {}); "
                        + "sent HELLO_FAILED", ConnectionErrors.describe(ctx.channel()), offered, VersionNegotiation.SPOKEN_NAMES);
        OFFactory in = OFFactories.getFactory(VersionNegotiation.known(wireVersion)
                ? VersionNegotiation.versionOf(wireVersion) : OFVersion.OF_15);
        byte[] why = ("flowlab speaks only " + VersionNegotiation.SPOKEN_NAMES).getBytes(StandardCharsets.US_ASCII);
        OFErrorMsg error = in.errorMsgs().buildHelloFailedErrorMsg()
                .setCode(OFHelloFailedCode.INCOMPATIBLE)
                .setData(OFErrorCauseData.of(why, in.getVersion()))
                .build();
        refused = true;
        ctx.writeAndFlush(error).addListener(ChannelFutureListener.CLOSE);
    }

    void onFeatures(OFFeaturesReply features) {
        dpid = features.getDatapathId();
        ctx.channel().attr(ConnectionErrors.DPID).set(dpid);
        boolean of10 = of.getVersion() == OFVersion.OF_10;
        if (!of10 && !features.getAuxiliaryId().equals(OFAuxId.MAIN)) {
            ctx.fireExceptionCaught(new ProtocolViolation("auxiliary connection " + features.getAuxiliaryId()
                    + " is not supported; configure the switch without auxiliary connections"));
            return;
        }
        ctx.write(of.buildSetConfig()
                .setFlags(EnumSet.noneOf(OFConfigFlags.class))
                .setMissSendLen(config.missSendLength())
                .build(), ctx.voidPromise());
        if (of10) {   // 1.0 lists the ports here and has no port description request
            addPorts(features.getPorts());
            if (!tooManyPorts()) {
                installBaseEntries();
            }
            return;
        }
        ctx.write(of.buildPortDescStatsRequest().build(), ctx.voidPromise());
        state = HandshakeState.WAIT_PORT_DESC;
    }

    void onPortDesc(OFPortDescStatsReply reply) {
        addPorts(reply.getEntries());
        if (tooManyPorts() || reply.getFlags().contains(OFStatsReplyFlags.REPLY_MORE)) {
            return;
        }
        installBaseEntries();
    }

    private void addPorts(List<OFPortDesc> descs) {
        for (OFPortDesc port : descs) {
            ports.put(port.getPortNo(), port);
        }
    }

    private boolean tooManyPorts() {
        if (ports.size() <= limits.maxPorts()) {
            return false;
        }
        ctx.fireExceptionCaught(new ProtocolViolation("it lists more than " + limits.maxPorts()
                + " ports, the most this controller accepts per switch"));
        return true;
    }

    /** The pipeline's core entries (the table-miss, the VLAN stage's), then the barrier that confirms them. */
    private void installBaseEntries() {
        if (of.getVersion() == OFVersion.OF_10 && config.vlanPorts().any()) {
            // One table only: there is no ingress stage to put in front of the apps. Lab refuses this before building.
            ctx.fireExceptionCaught(new ProtocolViolation("it speaks OpenFlow 1.0, and the VLAN stage needs several "
                    + "tables (OpenFlow 1.3 or later); set the bridge's protocols to OpenFlow13"));
            return;
        }
        RoleClaim claim = registry.mastership().claim(dpid);
        if (claim.role() != Role.EQUAL && RoleMessages.supported(of)) {   // EQUAL is what a switch starts with
            OFRoleRequest request = RoleMessages.request(of, claim);
            roleXid = request.getXid();
            this.claim = claim;
            ctx.write(request, ctx.voidPromise());
            state = HandshakeState.WAIT_ROLE;
            return;
        }
        if (claim.role() != Role.EQUAL) {   // an OpenFlow 1.0 switch: no roles on the wire
            LOG.warn("dpid={} speaks {}, which has no controller roles (ROLE_REQUEST is OpenFlow 1.2+): this member {}",
                    dpid, of.getVersion(), claim.role() == Role.SLAVE
                            ? "leaves it alone (SLAVE here, the switch cannot enforce it)"
                            : "writes as an equal, without a generation id (a deposed master could still write)");
        }
        finish(claim.role() == Role.SLAVE ? new RoleOutcome(Role.SLAVE, 0, null) : RoleOutcome.EQUAL);
    }

    boolean isOurRoleAnswer(OFMessage message) {
        return message.getXid() == roleXid && (message instanceof OFRoleReply || message instanceof OFErrorMsg);
    }

    /** The switch answered our ROLE_REQUEST: a reply with the role it gives us, or an error (a stale claim). */
    void onRoleAnswer(OFMessage answer) {
        forgetHeldStatus();   // the switch answered after it sent that status: the answer is the newer word
        if (answer instanceof OFRoleReply reply) {
            finish(new RoleOutcome(RoleMessages.role(reply.getRole()), reply.getGenerationId().getValue(), null));
        } else {
            String why = RoleMessages.refusal((OFErrorMsg) answer);
            LOG.warn("dpid={} refused {}: {}; this controller stays SLAVE for it", dpid, claim, why);
            registry.mastership().claimRefused(dpid, claim, why);
            finish(new RoleOutcome(Role.SLAVE, claim.generationId(), why));
        }
    }

    /** Installs the pipeline's core entries where we may write, then a barrier: its reply ends the handshake. */
    private void finish(RoleOutcome outcome) {
        role = outcome;
        if (config.installTableMiss() && outcome.role().writes()) {  // the table-miss, and the VLAN stage's entries
            new VlanStage(of, config.vlanPorts(), ports::values).baseEntries()
                    .forEach(entry -> ctx.write(entry, ctx.voidPromise()));
        }
        OFMessage barrier = of.buildBarrierRequest().build();
        barrierXid = barrier.getXid();
        ctx.write(barrier, ctx.voidPromise());
        state = HandshakeState.WAIT_BARRIER;
    }

    boolean isOurBarrier(OFBarrierReply reply) {
        return reply.getXid() == barrierXid;
    }

    void onBarrier() {
        timeout.cancel(false);
        if (droppedHeld > 0) {
            LOG.warn("{} dropped {} asynchronous messages that came during the handshake: more than {} bytes of them",
                    ConnectionErrors.describe(ctx.channel()), droppedHeld, limits.maxHeldBytes());
        }
        gate.handshakeDone(ctx.channel());
        ReadBackpressure.switchBudget(ctx.channel());
        SwitchConnection connection = new SwitchConnection(ctx.channel(), of, dpid, ports.values(), dispatcher,
                registry, config, role);
        ctx.pipeline().replace(this, "switch", connection);
        connection.start(held);
    }

    /** A message the current step does not wait for. */
    void other(Object msg) {
        if (msg instanceof RoleStatus status) {   // OpenFlow 1.3: the ONF extension the decoder reads
            holdStatus(status);
        } else if (msg instanceof OFRoleStatus status) {   // OpenFlow 1.4+
            holdStatus(RoleStatus.of(status));
        } else if (msg instanceof OFErrorMsg error) {
            ctx.fireExceptionCaught(new ProtocolViolation("switch rejected the handshake in " + state + ": " + error));
        } else if (msg instanceof OFMessage message && isAsync(message)) {
            long cost = HELD_OVERHEAD + (message instanceof OFPacketIn in ? in.getData().length : 0);
            if (heldBytes + cost <= limits.maxHeldBytes()) {
                heldBytes += cost;
                held.add(message);
            } else {
                droppedHeld++;
            }
        } else {
            LOG.debug("{} sent {} during {}, ignored", ConnectionErrors.describe(ctx.channel()), describe(msg), state);
        }
    }

    /** Holds {@code status} in arrival order, in place of any held before: it says what the switch gives us now. */
    private void holdStatus(RoleStatus status) {
        forgetHeldStatus();
        heldStatus = status;
        held.add(status);
    }

    private void forgetHeldStatus() {
        if (heldStatus != null) {
            held.remove(heldStatus);
            heldStatus = null;
        }
    }

    private static boolean isAsync(OFMessage message) {
        return switch (message.getType()) {
            case PACKET_IN, PORT_STATUS, FLOW_REMOVED -> true;
            default -> false;
        };
    }

    private static String describe(Object msg) {
        return msg instanceof OFMessage m ? m.getType() + " (" + m.getVersion() + ")" : String.valueOf(msg);
    }
}
