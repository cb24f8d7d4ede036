package dev.flowlab.apps.learningswitch;

import com.google.inject.Inject;
import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.api.VlanTag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.oxm.OFOxm;
import org.projectfloodlight.openflow.protocol.oxm.OFOxms;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ethernet learning switch: remembers, per switch and VLAN, which port each MAC address was last
 * seen on (the same MAC may live in two VLANs, as in Open vSwitch's own table); sends a packet for
 * a known destination out of that port and installs a flow so the next ones stay in the switch,
 * and the reverse flow too, since the packet just showed where its sender lives (as Floodlight's
 * learning switch does: a conversation then costs one packet-in per switch, not two); floods the rest.
 * Each switch's MAC table is bounded and ages like Open vSwitch's ({@link LearningSwitchConfig}); like
 * Open vSwitch it never learns a multicast source address (a forged one would draw broadcasts to one port).
 *
 * <p>A packet-in for a pair whose entries already exist (one raced its entry, or the entry the other
 * way idled out) sets both entries again without resetting their counters: from OpenFlow 1.2 on a
 * flow-add keeps the replaced entry's counters (no reset-counts flag); before, it resets them, so there
 * a strict modify is sent instead, which changes only the actions and adds the entry when it is missing.
 *
 * <p>When a link between switches comes or goes, the paths between hosts may change (with {@code stp},
 * the tree does): like an 802.1D bridge on a topology change, it then forgets every MAC and its flows.
 */
public final class LearningSwitch implements App {
    public static final String ID = "learning-switch";
    static final int PRIORITY = 1;
    /** Flows idle this long expire, so a host that moved or left is re-learned. */
    static final int IDLE_TIMEOUT_SECONDS = 60;
    private static final U64 COOKIE = Flows.cookie(ID);
    private static final Logger LOG = LoggerFactory.getLogger(LearningSwitch.class);
    private static final int UNTAGGED = -1;

    private final LongSupplier clock;
    private final TopologyService topology;
    /** Whether anything was learnt or installed since the last flush (discovery's link-ups at start then cost nothing). */
    private final AtomicBoolean learnt = new AtomicBoolean();
    private AppContext context;
    private LearningSwitchConfig config = LearningSwitchConfig.DEFAULTS;
    /** A MAC address in one VLAN ({@code vlan} -1: untagged). */
    record VlanMac(int vlan, MacAddress mac) {
    }

    // dpid -> ((VLAN, MAC) -> port). Concurrent: switches run on different threads, and a reconnecting switch may change thread.
    private final Map<DatapathId, AgeingTable<VlanMac, OFPort>> macToPort = new ConcurrentHashMap<>();

    /** A learning switch that forgets what it learnt whenever a link between switches comes or goes. */
    @Inject
    public LearningSwitch(TopologyService topology) {
        this(topology, System::nanoTime);
    }

    /** A learning switch that hears no link changes (on one switch, or beside another app in tests). */
    public LearningSwitch() {
        this(null, System::nanoTime);
    }

    /** A learning switch whose MAC entries age by {@code nanoClock} (tests move time instead of sleeping). */
    LearningSwitch(TopologyService topology, LongSupplier nanoClock) {
        this.topology = topology;
        this.clock = nanoClock;
    }

    /** Its start and callbacks touch only its own tables and its switches: a throwaway copy may warm its code. */
    @Override
    public boolean rehearsable() {
        return true;
    }

    @Override
    public void start(AppContext context) {
        this.context = context;
        config = context.config(LearningSwitchConfig.class).orElse(LearningSwitchConfig.DEFAULTS);
        if (topology != null) {
            topology.addListener(TopologyListener.onEveryChange(this::forgetAll));
        }
    }

    /** Forgets every MAC and deletes this app's flows everywhere: after a link change they may point the old way. */
    private void forgetAll() {
        if (!learnt.getAndSet(false)) {
            return;
        }
        // Emptied in place: a packet-in already holding a switch's table must not install what it knew before.
        macToPort.values().forEach(table -> table.removeIf(port -> true));
        for (Switch sw : context.switches()) {
            deleteOwn(sw, OFPort.ANY);
        }
    }

    /** Deletes this app's entries (that output to {@code outPort}, unless ANY), and no one else's, on every version. */
    private static void deleteOwn(Switch sw, OFPort outPort) {
        Flows.deleteOwn(sw, COOKIE, Flows.APP_COOKIE_MASK, outPort).exceptionally(e -> {
            // Only OpenFlow 1.0 asks the switch first; unanswered (the switch left, or timed out), our entries idle out.
            LOG.warn("dpid={} could not delete the learning switch's entries: {}", sw.id(), e.toString());
            return null;
        });
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Ethernet eth = in.ethernet();
        if (eth.isLldp()) {
            return Verdict.CONTINUE;  // link discovery's business, not traffic to forward
        }
        AgeingTable<VlanMac, OFPort> table = macToPort.computeIfAbsent(in.sw().id(), dpid -> new AgeingTable<>(
                "MAC table of switch " + dpid + " (learning-switch mac_table_size)",
                config.macTableSize(), config.agingTime(), clock));
        int vlan = eth.vlan().map(VlanTag::vid).orElse(UNTAGGED);
        VlanMac source = new VlanMac(vlan, eth.source());
        // A multicast source (broadcast included) is never a sender's own address: learnt, it would draw broadcasts to one port.
        boolean unicastSource = !eth.source().isBroadcast() && !eth.source().isMulticast();   // openflowj: broadcast is not multicast
        if (unicastSource && !in.inPort().equals(table.refresh(source))) {
            table.put(source, in.inPort());  // learn where the sender lives (a known one costs no lock)
            learnt.set(true);
        }

        OFPort out = table.get(new VlanMac(vlan, eth.destination())).orElse(null);
        if (out == null) {  // unknown or broadcast destination: flood (the VLAN stage keeps it in the VLAN) and bail
            in.flood();
            return Verdict.HANDLED;
        }
        if (out.equals(in.inPort())) {  // destination is back where the packet came from: nothing to do
            return Verdict.HANDLED;
        }
        OFFactory of = in.sw().factory();
        in.sw().send(flowTo(of, in.inPort(), vlan, eth.source(), eth.destination(), out));
        if (unicastSource) {
            in.sw().send(flowTo(of, out, vlan, eth.destination(), eth.source(), in.inPort()));
        }
        // Entries exist now, even if no MAC was new: set after sending, so a flush that ran meanwhile and missed
        // them (they reached the switch after its delete) leaves them for the next link change to delete.
        learnt.set(true);
        in.forward(out);
        return Verdict.HANDLED;
    }

    /**
     * The flow from {@code source} on {@code inPort} to {@code destination}, in any OpenFlow version the switch
     * speaks, set so that an entry already there keeps its counters: a flow-add from 1.2 on, a strict modify before.
     */
    private static OFFlowMod flowTo(OFFactory of, OFPort inPort, int vlan, MacAddress source, MacAddress destination,
                                    OFPort out) {
        OFOxms fields = Flows.oxms(of);
        OFOxm<?> port = fields.inPort(inPort);
        OFOxm<?> src = fields.ethSrc(source);
        OFOxm<?> dst = fields.ethDst(destination);
        OFFlowMod.Builder mod = of.getVersion().compareTo(OFVersion.OF_12) < 0 ? of.buildFlowModifyStrict() : of.buildFlowAdd();
        return mod
                .setCookie(COOKIE)
                .setPriority(PRIORITY)
                .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                .setMatch(vlan == UNTAGGED
                        ? Flows.match(of, port, src, dst)
                        : Flows.match(of, port, fields.vlanVid(OFVlanVidMatch.ofVlan(vlan)), src, dst))
                .setActions(List.of(Flows.output(of, out)))
                .build();
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        if (!Ports.wentDown(status)) {
            return;
        }
        OFPort port = status.getDesc().getPortNo();
        AgeingTable<VlanMac, OFPort> table = macToPort.get(sw.id());
        if (table != null) {
            table.removeIf(port::equals);  // hosts behind a dead port must be learned again
        }
        deleteOwn(sw, port);   // our flows into the dead port would black-hole traffic until they idle out
    }

    /** MAC addresses held for this switch (for tests: never more than mac_table_size). */
    int macsHeld(DatapathId dpid) {
        AgeingTable<VlanMac, OFPort> table = macToPort.get(dpid);
        return table == null ? 0 : table.size();
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        macToPort.remove(dpid);
    }
}
