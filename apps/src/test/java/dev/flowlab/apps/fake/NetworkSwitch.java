package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.Switch;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPacketOut;
import org.projectfloodlight.openflow.protocol.OFPortConfig;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortReason;
import org.projectfloodlight.openflow.protocol.OFPortState;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * A switch of the {@link FakeNetwork} (unlike {@link FakeSwitch}, which serves one app alone): what
 * apps send it is processed in order on the network's
 * event queue, like messages on one OpenFlow connection; a barrier completes after everything
 * sent before it.
 */
public final class NetworkSwitch implements Switch {
    static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private final FakeNetwork net;
    private final String name;
    private final DatapathId dpid;
    private final Map<OFPort, OFPortDesc> ports = new TreeMap<>();
    private final FlowTable table = new FlowTable();
    private int messages;

    NetworkSwitch(FakeNetwork net, String name, long dpid, List<Integer> portNumbers) {
        this.net = net;
        this.name = name;
        this.dpid = DatapathId.of(dpid);
        portNumbers.forEach(p -> ports.put(OFPort.of(p), desc(p, true)));
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

    OFPortStatus setPort(int port, boolean up) {
        OFPortDesc d = desc(port, up);
        ports.put(OFPort.of(port), d);
        return OF.buildPortStatus().setReason(OFPortReason.MODIFY).setDesc(d).build();
    }

    boolean isUp(OFPort port) {
        OFPortDesc d = ports.get(port);
        return d != null && !d.getState().contains(OFPortState.LINK_DOWN);
    }

    public String name() {
        return name;
    }

    public FlowTable table() {
        return table;
    }

    /** Messages received from the controller so far. */
    public int messages() {
        return messages;
    }

    void installDirectly(OFFlowMod mod) {
        table.apply(mod);
    }

    /** The entries whose cookie is {@code cookie} under {@code mask}. */
    public List<OFFlowAdd> entries(U64 cookie, U64 mask) {
        return table.entries().stream().filter(e -> e.getCookie().applyMask(mask).equals(cookie.applyMask(mask))).toList();
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
    public void send(OFMessage message) {
        net.later(() -> {
            messages++;
            if (message instanceof OFFlowMod mod) {
                table.apply(mod);
            } else if (message instanceof OFPacketOut out) {
                net.execute(this, out.getInPort(), out.getData(), out.getActions());
            } else {
                throw new UnsupportedOperationException("fake switch: " + message.getType());
            }
        });
    }

    @Override
    public CompletableFuture<OFBarrierReply> barrier() {
        CompletableFuture<OFBarrierReply> reply = new CompletableFuture<>();
        net.later(() -> reply.complete(OF.buildBarrierReply().build()));
        return reply;
    }

    @Override
    public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("fake switch: stats"));
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return InetSocketAddress.createUnresolved(name, 0);
    }

    @Override
    public String toString() {
        return name;
    }
}
