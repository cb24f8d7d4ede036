package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.Switch;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFMessage;
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

/** A switch that records what it is sent; its ports can be taken down. */
final class FakeSwitch implements Switch {
    static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);

    private final DatapathId dpid;
    private final Map<OFPort, OFPortDesc> ports = new TreeMap<>();
    final List<OFMessage> sent = new ArrayList<>();

    FakeSwitch(long dpid, int ports) {
        this.dpid = DatapathId.of(dpid);
        for (int p = 1; p <= ports; p++) {
            this.ports.put(OFPort.of(p), desc(p, true));
        }
    }

    OFPortDesc desc(int port, boolean up) {
        return OF.buildPortDesc()
                .setPortNo(OFPort.of(port))
                .setHwAddr(MacAddress.of(dpid.getLong() << 8 | port))
                .setName("s" + dpid.getLong() + "-eth" + port)
                .setConfig(EnumSet.noneOf(OFPortConfig.class))
                .setState(up ? EnumSet.noneOf(OFPortState.class) : EnumSet.of(OFPortState.LINK_DOWN))
                .build();
    }

    /** Takes a port down (or up) and returns the PORT_STATUS the switch would send. */
    OFPortStatus setPort(int port, boolean up) {
        OFPortDesc d = desc(port, up);
        ports.put(OFPort.of(port), d);
        return OF.buildPortStatus().setReason(OFPortReason.MODIFY).setDesc(d).build();
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
        sent.add(message);
    }

    @Override
    public CompletableFuture<OFBarrierReply> barrier() {
        return CompletableFuture.completedFuture(OF.buildBarrierReply().build());
    }

    @Override
    public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("fake switch"));
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }
}
