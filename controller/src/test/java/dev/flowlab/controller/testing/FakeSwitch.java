package dev.flowlab.controller.testing;

import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.Switch;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.OFGroupMod;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFFlowStatsRequest;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The one in-memory switch of the tests (controller and apps): a {@link Switch} handle over a
 * {@link FlowTable}, with ports that can go down. It records every message it is sent; flow-mods
 * change its table and packet-outs go to whoever forwards them (a one-switch harness, a fake network).
 * By default a message takes effect as it is sent; {@link #queuedOn} processes them in order on a
 * queue instead, like messages on one OpenFlow connection (a barrier completes after everything before it).
 */
public final class FakeSwitch implements Switch {
    public static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private final DatapathId dpid;
    private final String name;
    private final Map<OFPort, OFPortDesc> ports = new TreeMap<>();
    private final FlowTable table = new FlowTable();
    private final Map<OFGroup, OFGroupMod> groups = new java.util.HashMap<>();
    private volatile Role role = Role.EQUAL;
    private final List<OFMessage> sent = new ArrayList<>();
    private Executor queue = Runnable::run;
    private Consumer<OFPacketOut> packetOuts = out -> { };
    private int processed;

    /** Switch {@code name} with these port numbers, all up. */
    public FakeSwitch(long dpid, String name, List<Integer> portNumbers) {
        this.dpid = DatapathId.of(dpid);
        this.name = name;
        portNumbers.forEach(p -> ports.put(OFPort.of(p), desc(p, true)));
    }

    /** Switch s{@code dpid} with ports 1..{@code portCount}, all up. */
    public FakeSwitch(long dpid, int portCount) {
        this(dpid, "s" + dpid, IntStream.rangeClosed(1, portCount).boxed().toList());
    }

    /** Processes what it is sent in order on {@code queue} instead of at once. */
    public FakeSwitch queuedOn(Executor queue) {
        this.queue = queue;
        return this;
    }

    /** Who forwards the packet-outs it is sent (by default nobody: they are only recorded). */
    public FakeSwitch packetOutsTo(Consumer<OFPacketOut> forwarder) {
        this.packetOuts = forwarder;
        return this;
    }

    private OFPortDesc desc(int port, boolean up) {
        return OF.buildPortDesc()
                .setPortNo(OFPort.of(port))
                .setHwAddr(MacAddress.of(0x0200_0000_0000L | dpid.getLong() << 8 | port))
                .setName(name + "-eth" + port)
                .setConfig(EnumSet.noneOf(OFPortConfig.class))
                .setState(up ? EnumSet.of(OFPortState.LIVE) : EnumSet.of(OFPortState.LINK_DOWN))
                .build();
    }

    /** Takes a port down (or up) and returns the PORT_STATUS the switch sends about it. */
    public OFPortStatus setPort(int port, boolean up) {
        OFPortDesc d = desc(port, up);
        ports.put(OFPort.of(port), d);
        return OF.buildPortStatus().setReason(OFPortReason.MODIFY).setDesc(d).build();
    }

    /** Whether the port exists and its link is up. */
    public boolean isUp(OFPort port) {
        OFPortDesc d = ports.get(port);
        return d != null && !d.getState().contains(OFPortState.LINK_DOWN);
    }

    public String name() {
        return name;
    }

    public FlowTable table() {
        return table;
    }

    /** Every message sent to it, in order (also those not processed yet). */
    public List<OFMessage> sent() {
        return List.copyOf(sent);
    }

    public <T extends OFMessage> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets the messages recorded so far. */
    public void clearSent() {
        sent.clear();
    }

    /** Messages processed so far. */
    public int processed() {
        return processed;
    }

    @Override
    public void send(OFMessage message) {
        sent.add(message);
        queue.execute(() -> {
            processed++;
            if (message instanceof OFFlowMod mod) {
                table.apply(mod);
            } else if (message instanceof OFGroupMod mod) {
                applyGroup(mod);
            } else if (message instanceof OFPacketOut out) {
                packetOuts.accept(out);
            }
        });
    }

    private void applyGroup(OFGroupMod mod) {
        switch (mod.getCommand()) {
            case ADD, MODIFY -> groups.put(mod.getGroup(), mod);
            case DELETE -> groups.remove(mod.getGroup());
            default -> throw new UnsupportedOperationException("fake switch does not model group " + mod.getCommand());
        }
    }

    /**
     * Where a frame hitting {@code entry} goes: its outputs, and its groups' as {@link #groupActions} picks them.
     */
    public List<OFPort> outputs(OFFlowAdd entry) {
        return FlowTable.outputs(entry, id -> groupActions(id).stream()
                .filter(a -> a instanceof org.projectfloodlight.openflow.protocol.action.OFActionOutput)
                .map(a -> ((org.projectfloodlight.openflow.protocol.action.OFActionOutput) a).getPort()).toList());
    }

    /**
     * The actions a group applies to a frame, as the switch picks its buckets: every bucket of ALL, the first
     * of SELECT and INDIRECT, the first whose watch port is up of FF (none when every one is down).
     */
    public List<OFAction> groupActions(OFGroup id) {
        OFGroupMod group = groups.get(id);
        if (group == null) {
            return List.of();
        }
        List<OFBucket> buckets = switch (group.getGroupType()) {
            case ALL -> group.getBuckets();
            case SELECT, INDIRECT -> group.getBuckets().subList(0, Math.min(1, group.getBuckets().size()));
            case FF -> group.getBuckets().stream().filter(b -> isUp(b.getWatchPort())).limit(1).toList();
        };
        return buckets.stream().flatMap(b -> b.getActions().stream()).toList();
    }

    @Override
    public CompletableFuture<OFBarrierReply> barrier() {
        CompletableFuture<OFBarrierReply> reply = new CompletableFuture<>();
        queue.execute(() -> reply.complete(OF.buildBarrierReply().build()));
        return reply;
    }

    @Override
    public DatapathId id() {
        return dpid;
    }

    @Override
    public List<OFPortDesc> ports() {
        return List.copyOf(ports.values());
    }

    @Override
    public Optional<OFPortDesc> port(OFPort number) {
        return Optional.ofNullable(ports.get(number));
    }

    @Override
    public OFFactory factory() {
        return OF;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
        if (!(request instanceof OFFlowStatsRequest flows)) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("fake switch " + name
                    + " answers flow stats only"));
        }
        CompletableFuture<List<R>> reply = new CompletableFuture<>();
        queue.execute(() -> reply.complete(List.of((R) OF.buildFlowStatsReply().setEntries(
                table.entries(flows.getCookie(), flows.getCookieMask()).stream().map(FakeSwitch::statsEntry).toList())
                .build())));
        return reply;
    }

    /** The flow stats entry of a flow-add as a switch reports it (no counters). */
    private static OFFlowStatsEntry statsEntry(OFFlowAdd add) {
        return OF.buildFlowStatsEntry().setTableId(add.getTableId()).setCookie(add.getCookie()).setPriority(add.getPriority())
                .setMatch(add.getMatch()).setInstructions(add.getInstructions()).setIdleTimeout(add.getIdleTimeout())
                .setHardTimeout(add.getHardTimeout()).setFlags(add.getFlags()).build();
    }

    /** Stands for this controller's role towards the switch (EQUAL, a controller alone, until set). */
    public FakeSwitch role(Role role) {
        this.role = role;
        return this;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved(name, (int) dpid.getLong());
    }

    @Override
    public String toString() {
        return name;
    }
}
