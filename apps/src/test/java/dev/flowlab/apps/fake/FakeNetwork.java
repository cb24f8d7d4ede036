package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.ConfigStore;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.GroupTable;
import dev.flowlab.controller.api.MeterTable;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.core.EventDispatcher;
import dev.flowlab.controller.core.GroupsAndMeters;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.store.JsonDocuments;
import dev.flowlab.controller.store.MemoryConfigStore;
import dev.flowlab.controller.api.AgeingTable;
import dev.flowlab.controller.testing.FakeSwitch;
import dev.flowlab.controller.topology.CoreServices;
import dev.flowlab.topologies.Host;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import org.projectfloodlight.openflow.protocol.OFPacketInReason;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionGroup;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.action.OFActionSetField;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFBufferId;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.TableId;
import org.projectfloodlight.openflow.types.U64;

/**
 * A network of fake switches and hosts wired after a {@link Topology}, driven by the controller's
 * real core services (link discovery, host tracker) and the apps under test, all on the test's
 * thread. Frames, OpenFlow messages and barriers are events on one queue, processed in order by
 * {@link #settle()}; a frame that keeps circulating fails the test as a storm.
 */
public final class FakeNetwork {
    /** More events than this in one settle is a forwarding loop. */
    private static final int STORM = 200_000;

    private final Queue<Runnable> events = new ArrayDeque<>();
    private final Map<String, FakeSwitch> switches = new LinkedHashMap<>();
    private final Map<String, FakeHost> hosts = new LinkedHashMap<>();
    private final Map<End, End> wires = new HashMap<>();
    private final Set<End> cut = new HashSet<>();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ConfigStore store = new MemoryConfigStore();
    private final GroupsAndMeters tables = new GroupsAndMeters();
    private final CoreServices core = new CoreServices(AgeingTable.DEFAULT_SIZE, AgeingTable.DEFAULT_AGEING,
            scheduler);   // discovery rounds run on tick()
    private final EventDispatcher dispatcher;
    private final SwitchRegistry registry;
    private int packetIns;

    /** One end of a cable: a node and its port. */
    private record End(String node, int port) {
    }

    private FakeNetwork(Topology topology, BiFunction<TopologyService, HostService, Map<String, App>> apps,
                        Map<String, Object> configs) {
        int n = 0;
        for (Host h : topology.hosts()) {
            n++;
            MacAddress mac = h.mac() != null ? MacAddress.of(h.mac()) : MacAddress.of(n);
            hosts.put(h.name(), new FakeHost(this, h.name(), mac, IPv4Address.of(h.address())));
        }
        for (Link l : topology.links()) {
            wires.put(new End(l.nodeA(), l.portA()), new End(l.nodeB(), l.portB()));
            wires.put(new End(l.nodeB(), l.portB()), new End(l.nodeA(), l.portA()));
        }
        topology.switches().forEach(s -> switches.put(s.name(), networkSwitch(s.name(), s.dpid(),
                topology.linksOf(s.name()).stream().map(l -> l.portOf(s.name())).sorted().toList())));
        List<LoadedApp> loaded = new ArrayList<>(core.apps());
        apps.apply(core.topology(), core.hosts()).forEach((id, app) -> loaded.add(new LoadedApp(id, app)));
        dispatcher = new EventDispatcher(loaded);
        registry = new SwitchRegistry(dispatcher);
        for (LoadedApp a : dispatcher.apps()) {
            a.app().start(new Context(a.id(), registry, scheduler, store, configs.get(a.id()), tables));
        }
    }

    /** A switch of this network: what apps send it is processed in order on the event queue, packet-outs forwarded here. */
    private FakeSwitch networkSwitch(String name, long dpid, List<Integer> ports) {
        FakeSwitch sw = new FakeSwitch(dpid, name, ports).queuedOn(this::later);
        return sw.packetOutsTo(out -> execute(sw, out.getInPort(), out.getData(), out.getActions()));
    }

    /**
     * Builds the network with {@code apps} (by app id, which sets their cookies), connects every switch (each gets the table-miss entry, as from the
     * handshake) and lets link discovery run to completion.
     */
    public static FakeNetwork start(Topology topology, BiFunction<TopologyService, HostService, Map<String, App>> apps) {
        return start(topology, apps, Map.of());
    }

    /** As {@link #start(Topology, BiFunction)}, each app with its config object by app id (as if read from its file). */
    public static FakeNetwork start(Topology topology, BiFunction<TopologyService, HostService, Map<String, App>> apps,
                                    Map<String, Object> configs) {
        FakeNetwork net = new FakeNetwork(topology, apps, configs);
        for (FakeSwitch sw : net.switches.values()) {
            sw.table().apply(FakeSwitch.OF.buildFlowAdd().setPriority(0).setMatch(FakeSwitch.OF.buildMatch().build())
                    .setInstructions(Flows.apply(FakeSwitch.OF, Flows.output(FakeSwitch.OF, OFPort.CONTROLLER))).build());
            net.registry.up(sw);
        }
        net.settle();
        return net;
    }

    /** Processes queued events until none is left. */
    public void settle() {
        for (int i = 0; !events.isEmpty(); i++) {
            if (i > STORM) {
                throw new AssertionError("more than " + STORM + " events without settling: a forwarding loop");
            }
            events.remove().run();
        }
    }

    /** Runs the periodic work of the services and apps (a discovery round), then settles. */
    public void tick() {
        scheduler.runAll();
        settle();
    }

    void later(Runnable event) {
        events.add(event);
    }

    void fromHost(FakeHost host, byte[] frame) {
        End at = wires.get(new End(host.name(), 0));
        later(() -> arrive(at, frame));
    }

    /** A frame arrives at a node's port. */
    private void arrive(End at, byte[] frame) {
        FakeHost host = hosts.get(at.node());
        if (host != null) {
            host.receive(frame);
            return;
        }
        FakeSwitch sw = switches.get(at.node());
        OFPort in = OFPort.of(at.port());
        sw.table().lookup(in, frame).ifPresent(entry -> {
            sw.outputs(entry);   // refuses instructions and actions the fake does not model
            entry.getInstructions().forEach(i -> execute(sw, in, frame, ((OFInstructionApplyActions) i).getActions()));
        });
    }

    /** Applies actions in order: an address rewrite changes the frame the outputs after it send. */
    private void execute(FakeSwitch sw, OFPort in, byte[] frame, List<OFAction> actions) {
        byte[] current = frame;
        for (OFAction action : actions) {
            if (action instanceof OFActionOutput output) {
                executeOutputs(sw, in, current, List.of(output.getPort()));
            } else if (action instanceof OFActionGroup group) {
                execute(sw, in, current, sw.groupActions(group.getGroup()));
            } else if (action instanceof OFActionSetField set) {
                current = Rewrites.apply(current, set.getField());
            }
        }
    }

    private void executeOutputs(FakeSwitch sw, OFPort in, byte[] frame, List<OFPort> outputs) {
        for (OFPort out : outputs) {
            if (out.equals(OFPort.CONTROLLER)) {
                packetIns++;
                dispatcher.packetIn(new PacketIn(sw, FakeSwitch.OF.buildPacketIn()
                        .setBufferId(OFBufferId.NO_BUFFER).setTotalLen(frame.length)
                        .setReason(OFPacketInReason.NO_MATCH).setTableId(TableId.ZERO)
                        .setMatch(FakeSwitch.OF.buildMatch().setExact(MatchField.IN_PORT, in).build())
                        .setData(frame).build()));
            } else if (out.equals(OFPort.FLOOD) || out.equals(OFPort.ALL)) {
                sw.ports().stream().map(p -> p.getPortNo()).filter(p -> !p.equals(in)).forEach(p -> transmit(sw, p, frame));
            } else {
                transmit(sw, out.equals(OFPort.IN_PORT) ? in : out, frame);
            }
        }
    }

    private void transmit(FakeSwitch sw, OFPort port, byte[] frame) {
        End from = new End(sw.name(), port.getPortNumber());
        End to = wires.get(from);
        if (to != null && sw.isUp(port) && !cut.contains(from)) {
            later(() -> arrive(to, frame));
        }
    }

    /** Cuts the cable between two switches: frames stop, both ports report link down. */
    public void cut(String a, String b) {
        cut(a, b, true);
    }

    /**
     * Cuts the cable between two switches without the controller hearing of it (it is away): frames
     * stop and both ports go down, which only the switches themselves act on (fast-failover groups).
     */
    public void cutBehindTheControllersBack(String a, String b) {
        cut(a, b, false);
    }

    private void cut(String a, String b, boolean tellController) {
        End endA = wires.keySet().stream().filter(e -> e.node().equals(a) && wires.get(e).node().equals(b))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cable " + a + " - " + b));
        End endB = wires.get(endA);
        cut.add(endA);
        cut.add(endB);
        FakeSwitch swA = switches.get(a);
        FakeSwitch swB = switches.get(b);
        var statusA = swA.setPort(endA.port(), false);
        var statusB = swB.setPort(endB.port(), false);
        if (tellController) {
            later(() -> dispatcher.portStatus(swA, statusA));
            later(() -> dispatcher.portStatus(swB, statusB));
        }
        settle();
    }

    /**
     * Pings like a host would: an ARP request first unless {@code from} already knows the address,
     * then one echo request. True if the echo reply came back.
     */
    public boolean ping(String from, String to) {
        FakeHost a = host(from);
        FakeHost b = host(to);
        if (!a.arpCache().containsKey(b.ip())) {
            a.send(Frames.arpRequest(a.mac(), a.ip(), b.ip()));
            settle();
        }
        MacAddress mac = a.arpCache().get(b.ip());
        if (mac == null) {
            return false;
        }
        int seq = a.received().size();
        a.send(Frames.echo(true, a.mac(), a.ip(), mac, b.ip(), seq));
        settle();
        return a.received().stream().anyMatch(f -> Frames.isEcho(dev.flowlab.controller.api.Ethernet.of(f), 0)
                && Frames.echoSeq(f) == seq);
    }

    /** Pings every ordered pair of hosts; returns the pairs that failed ({@code "h1->h2"}). */
    public List<String> pingAll() {
        List<String> failed = new ArrayList<>();
        for (String a : hosts.keySet()) {
            for (String b : hosts.keySet()) {
                if (!a.equals(b) && !ping(a, b)) {
                    failed.add(a + "->" + b);
                }
            }
        }
        return failed;
    }

    public FakeHost host(String name) {
        return Optional.ofNullable(hosts.get(name)).orElseThrow(() -> new IllegalArgumentException("no host " + name));
    }

    public Collection<FakeHost> hosts() {
        return hosts.values();
    }

    public FakeSwitch switchNamed(String name) {
        return Optional.ofNullable(switches.get(name)).orElseThrow(() -> new IllegalArgumentException("no switch " + name));
    }

    public Collection<FakeSwitch> switches() {
        return switches.values();
    }

    public TopologyService topology() {
        return core.topology();
    }

    public HostService hostService() {
        return core.hosts();
    }

    /** Packets sent to the controller so far. */
    public int packetIns() {
        return packetIns;
    }

    public static DatapathId dpid(long n) {
        return DatapathId.of(n);
    }

    /** The entries an app installed ({@code cookie} is its {@link Flows#cookie}), on every switch. */
    public int entries(U64 cookie) {
        return switches.values().stream().mapToInt(s -> s.table().entries(cookie, Flows.APP_COOKIE_MASK).size()).sum();
    }

    private record Context(String appId, SwitchRegistry registry, ScheduledExecutorService executor, ConfigStore store,
                           Object config, GroupsAndMeters tables) implements AppContext {
        @Override
        public GroupTable groups() {
            return tables.groups(appId);
        }

        @Override
        public MeterTable meters() {
            return tables.meters(appId);
        }

        @Override
        public <T> Optional<T> config(Class<T> type) {
            return Optional.ofNullable(config).map(type::cast);
        }

        @Override
        public <T> Documents<T> documents(String collection, Class<T> type) {
            return new JsonDocuments<>(store, appId + "/" + collection + "/", type);
        }

        @Override
        public Collection<Switch> switches() {
            return registry.switches();
        }

        @Override
        public Optional<Switch> switchById(DatapathId dpid) {
            return registry.get(dpid);
        }
    }
}
