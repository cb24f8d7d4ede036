package dev.flowlab.apps.stp;

import com.google.inject.Inject;
import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.PageRequest;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.TopologyListener;
import dev.flowlab.controller.api.TopologyService;
import dev.flowlab.controller.api.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spanning tree from the controller's own link discovery, not from 802.1D BPDUs: the controller
 * already knows every cable (LLDP), so the tree is its {@link TopologyService#broadcastTree()} and
 * each inter-switch port off the tree drops what it receives ({@link BlockEntries}). Flooding apps
 * (learning-switch, hub) then work on looped topologies.
 *
 * <p>Until a port is known, it could be either a host port or a cable to another switch, and a flood
 * through it could loop: so every port that comes up is {@link PortState#HELD} (dropping) for
 * {@link #HOLD}, two link-discovery rounds, unless a link shows up on it sooner. A port whose link
 * vanishes while it stays up is held again rather than trusted as a host port.
 *
 * <p>A change blocks first and unblocks only once every switch confirmed the blocks (barriers), so
 * the old and the new tree never forward at the same time. Every change is logged; {@code GET
 * /api/stp} lists the state of every port (a page at a time, {@link PageRequest}).
 */
public final class SpanningTree implements App {
    public static final String ID = "stp";
    /** Before the flooding apps (learning-switch, hub run at 100): a packet from a dropping port stops here. */
    static final int ORDER = 10;
    /** Two rounds of link discovery (one per second): time for a probe each way on a new port. */
    static final Duration HOLD = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SpanningTree.class);

    private final TopologyService topology;
    private final Duration hold;
    private AppContext context;
    /** The state each known port was last put in; read on the packet-in path without the lock. */
    private final Map<SwitchPort, PortState> states = new ConcurrentHashMap<>();
    private final Map<SwitchPort, ScheduledFuture<?>> held = new HashMap<>();   // guarded by this
    private final Set<SwitchPort> linkEnds = new HashSet<>();                   // guarded by this
    private final Set<DatapathId> seen = new HashSet<>();   // switches whose ports were held (guarded by this)

    @Inject
    public SpanningTree(TopologyService topology) {
        this(topology, HOLD);
    }

    /** A spanning tree whose new ports are held for {@code hold} (tests drive the hold by their scheduler). */
    SpanningTree(TopologyService topology, Duration hold) {
        this.topology = topology;
        this.hold = hold;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void start(AppContext ctx) {
        this.context = ctx;
        topology.addListener(TopologyListener.onEveryChange(this::recompute));
        ctx.rest().get("/", request -> PageRequest.of(request).answer(ports(), p -> p, "ports"));
    }

    /** routing floods on its own tree and routes over every cable, the blocked ones too. */
    @Override
    public Optional<String> refuseAlongside(Set<String> others) {
        return others.contains("routing") ? Optional.of("routing routes over the cables stp blocks (it has a broadcast"
                + " tree of its own); run stp with learning-switch or hub, or routing alone") : Optional.empty();
    }

    @Override
    public Optional<String> notReady() {
        long holding = states.values().stream().filter(s -> s == PortState.HELD).count();
        return holding == 0 ? Optional.empty() : Optional.of("stp holds " + holding
                + " new ports until link discovery has probed them (" + hold.toMillis() + " ms each)");
    }

    @Override
    public void onSwitchUp(Switch sw) {
        synchronized (this) {
            seen.add(sw.id());
            sw.ports().forEach(p -> holdIfUp(sw.id(), p));
        }
        recompute();
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        synchronized (this) {
            seen.remove(dpid);
            held.keySet().stream().filter(p -> p.dpid().equals(dpid)).toList()
                    .forEach(p -> held.remove(p).cancel(false));
            linkEnds.removeIf(p -> p.dpid().equals(dpid));
            states.keySet().removeIf(p -> p.dpid().equals(dpid));
        }
        recompute();
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        SwitchPort port = new SwitchPort(sw.id(), status.getDesc().getPortNo());
        synchronized (this) {
            if (Ports.wentDown(status)) {
                Optional.ofNullable(held.remove(port)).ifPresent(f -> f.cancel(false));
            } else if (states.getOrDefault(port, PortState.DISABLED) == PortState.DISABLED) {
                holdIfUp(sw.id(), status.getDesc());   // came (back) up: may be a cable again, or a new one
            }
        }
        recompute();
    }

    /** A packet from a port that drops (it raced its drop entry to the switch) goes no further. */
    @Override
    public Verdict onPacketIn(PacketIn in) {
        PortState state = states.get(new SwitchPort(in.sw().id(), in.inPort()));
        return state == PortState.FORWARDING ? Verdict.CONTINUE : Verdict.HANDLED;
    }

    private void holdIfUp(DatapathId dpid, OFPortDesc desc) {
        if (!Ports.isUp(desc) || desc.getPortNo().getPortNumber() <= 0) {
            return;
        }
        SwitchPort port = new SwitchPort(dpid, desc.getPortNo());
        ScheduledFuture<?> release = context.executor().schedule(() -> release(port), hold.toMillis(), TimeUnit.MILLISECONDS);
        Optional.ofNullable(held.put(port, release)).ifPresent(f -> f.cancel(false));
    }

    private void release(SwitchPort port) {
        synchronized (this) {
            if (held.remove(port) == null) {
                return;
            }
        }
        recompute();
    }

    /**
     * Puts every port of every switch in the state the tree gives it: first installs the new drops,
     * then, once all switches confirmed them, removes the drops of ports that now forward.
     */
    synchronized void recompute() {
        Set<Link> tree = topology.broadcastTree();
        Set<SwitchPort> treeEnds = new HashSet<>();
        tree.forEach(l -> {
            treeEnds.add(l.src());
            treeEnds.add(l.dst());
        });
        List<CompletableFuture<?>> blocked = new ArrayList<>();
        Map<Switch, List<OFPort>> toOpen = new HashMap<>();
        for (Switch sw : context.switches()) {
            if (!seen.contains(sw.id())) {
                continue;   // its onSwitchUp has not held its ports yet: nothing to decide before that
            }
            List<OFPort> blocks = new ArrayList<>();
            for (OFPortDesc desc : sw.ports()) {
                SwitchPort port = new SwitchPort(sw.id(), desc.getPortNo());
                if (port.port().getPortNumber() <= 0) {
                    continue;
                }
                boolean linkEnd = !topology.isEdgePort(sw.id(), port.port());
                if (linkEnd) {
                    linkEnds.add(port);
                } else if (linkEnds.remove(port) && Ports.isUp(desc)) {
                    holdIfUp(sw.id(), desc);   // its link vanished but the port is up: not a host port until shown
                }
                PortState next = PortState.decide(Ports.isUp(desc), held.containsKey(port), linkEnd, treeEnds.contains(port));
                PortState before = states.put(port, next);
                if (next == before) {
                    continue;
                }
                if (before != null || next != PortState.HELD) {
                    LOG.info("stp: switch {} port {} {} -> {}", sw.id(), port.port(), before == null ? "new" : before, next);
                }
                if (next.drops() && (before == null || !before.drops())) {
                    blocks.add(port.port());
                } else if (next == PortState.FORWARDING) {
                    toOpen.computeIfAbsent(sw, s -> new ArrayList<>()).add(port.port());
                }
            }
            if (!blocks.isEmpty()) {
                blocks.forEach(p -> sw.send(BlockEntries.block(sw.factory(), p)));
                blocked.add(sw.barrier());
            }
        }
        if (toOpen.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(blocked.toArray(CompletableFuture[]::new)).whenComplete((ok, failed) -> open(toOpen));
    }

    /**
     * Removes the drops of ports that still forward (a later change may have blocked one again meanwhile). Every
     * add and delete is sent holding this object's lock, and a switch gets its messages in the order they were
     * sent (whichever thread sends), so a port's last message is the one its last state asked for.
     */
    private synchronized void open(Map<Switch, List<OFPort>> ports) {
        ports.forEach((sw, list) -> list.stream()
                .filter(p -> states.get(new SwitchPort(sw.id(), p)) == PortState.FORWARDING)
                .forEach(p -> sw.send(BlockEntries.unblock(sw.factory(), p))));
    }

    /** One port's state, as {@code GET /api/stp} lists it. */
    public record PortView(String dpid, int port, String state) {
    }

    /** Every known port by datapath id and port number. */
    List<PortView> ports() {
        return states.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<SwitchPort, PortState> e) -> e.getKey().dpid())
                        .thenComparing(e -> e.getKey().port().getPortNumber()))
                .map(e -> new PortView(e.getKey().dpid().toString(), e.getKey().port().getPortNumber(), e.getValue().toString()))
                .toList();
    }

    /** The state of one port (empty when not known). */
    Optional<PortState> state(DatapathId dpid, OFPort port) {
        return Optional.ofNullable(states.get(new SwitchPort(dpid, port)));
    }
}
