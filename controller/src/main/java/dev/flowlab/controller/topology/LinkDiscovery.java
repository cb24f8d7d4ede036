package dev.flowlab.controller.topology;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.Link;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.SwitchPort;
import dev.flowlab.controller.api.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortStatus;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.OFPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds inter-switch links: every {@code interval} (and at once when a switch or port comes up)
 * it sends an {@link LldpProbe} out of each port of each switch; a probe coming back as a packet-in
 * on another switch is a link. Links not confirmed within {@code timeout} expire; a port or switch
 * going down removes its links at once. It runs first in the packet-in chain and consumes every
 * LLDP frame, so apps never see (or flood) them. Only probes this controller signed, and recently,
 * count ({@link LldpProbe}): a forged LLDP frame from a host makes no link.
 *
 * <p>The rounds run on a thread of their own (unless a scheduler is given, as tests do to drive them
 * by hand), not on the apps' executor: an app's long or blocked task cannot hold up link discovery
 * (and with it link expiry).
 */
public final class LinkDiscovery implements App {
    /** Runs before every ordinary app. */
    public static final int ORDER = -1000;
    /** Above any app's flows, so an app's catch-all entry cannot swallow the probes. */
    static final int LLDP_PRIORITY = 65000;
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LinkDiscovery.class);

    private final TopologyView view;
    private final LldpProbe probes;
    private final Duration interval;
    private final Duration timeout;
    private final ScheduledExecutorService given;   // null: a thread of our own, made at start
    private ScheduledExecutorService owned;
    private ScheduledFuture<?> rounds;

    /**
     * {@code probes} signs and checks the frames; a link not seen for {@code timeout} expires; rounds
     * run every {@code interval} on {@code scheduler}, or on a thread of its own when that is null.
     */
    LinkDiscovery(TopologyView view, LldpProbe probes, Duration interval, Duration timeout,
                  ScheduledExecutorService scheduler) {
        this.view = view;
        this.probes = probes;
        this.interval = interval;
        this.timeout = timeout;
        this.given = scheduler;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public void start(AppContext context) {
        ScheduledExecutorService scheduler = given;
        if (scheduler == null) {
            owned = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flowlab-lldp");
                t.setDaemon(true);
                return t;
            });
            scheduler = owned;
        }
        long millis = interval.toMillis();
        rounds = scheduler.scheduleWithFixedDelay(this::roundLogged, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** A failed round is logged; the next one runs anyway (an exception would cancel the schedule). */
    private void roundLogged() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("link discovery round failed: {}", e.toString(), e);
        }
    }

    /** Expires silent links, then probes every port of every switch. */
    void round() {
        view.expire(System.nanoTime(), timeout.toNanos());
        for (Switch sw : view.connected()) {
            sw.ports().forEach(port -> probe(sw, port));
        }
    }

    @Override
    public void onSwitchUp(Switch sw) {
        view.switchUp(sw);
        sw.send(lldpToController(sw.factory()));
        sw.ports().forEach(port -> probe(sw, port));
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        view.switchDown(dpid);
    }

    @Override
    public void onPortStatus(Switch sw, OFPortStatus status) {
        if (Ports.wentDown(status)) {
            view.portDown(new SwitchPort(sw.id(), status.getDesc().getPortNo()));
        } else {
            probe(sw, status.getDesc());
        }
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        if (!in.ethernet().isLldp()) {
            return Verdict.CONTINUE;
        }
        probes.sender(in.ethernet()).ifPresent(from -> view.linkSeen(
                new Link(from.dpid(), from.port(), in.sw().id(), in.inPort()), System.nanoTime()));
        return Verdict.HANDLED;   // ours or a stranger's, LLDP is never a packet to forward
    }

    private void probe(Switch sw, OFPortDesc port) {
        if (!Ports.isUp(port) || port.getPortNo().getPortNumber() <= 0) {
            return;
        }
        OFPort number = port.getPortNo();
        sw.sendFrame(probes.frame(sw.id(), number, port.getHwAddr()), number);
    }

    /** LLDP to the controller above everything else, whatever the table-miss entry or the apps do. */
    static OFFlowMod lldpToController(OFFactory of) {
        return of.buildFlowAdd()
                .setCookie(Flows.cookie("link-discovery"))
                .setPriority(LLDP_PRIORITY)
                .setMatch(of.buildMatch().setExact(MatchField.ETH_TYPE, EthType.LLDP).build())
                .setActions(List.of(Flows.output(of, OFPort.CONTROLLER)))   // every version: 1.0 has no instructions
                .build();
    }
}
