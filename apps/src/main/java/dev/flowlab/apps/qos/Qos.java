package dev.flowlab.apps.qos;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.api.Switch;
import com.google.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;
import org.projectfloodlight.openflow.types.DatapathId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-host rate limits ({@link QosConfig}) with OpenFlow 1.3 meters. On each switch that comes up it adds
 * one meter per limited host (a drop band at the host's rate); then every flow entry another app installs
 * for a limited host's traffic (its match fixes {@code eth_src} to the host's MAC, or {@code ipv4_src} to its
 * address) goes through that meter: the app is a {@link dev.flowlab.controller.api.FlowFilter} on the
 * entries, not a table of its own, so it works under learning-switch, routing or any forwarding app that
 * matches on the source, and the forwarding stays theirs. A host's packets before its entry exists (the
 * packet-ins) are not limited; nor is traffic an app forwards without matching the source (a hub's).
 *
 * <p>REST: {@code GET /api/qos/limits}: each limit and its meter id per switch.
 */
public final class Qos implements App {
    public static final String ID = "qos";
    private static final Logger LOG = LoggerFactory.getLogger(Qos.class);

    private final HostService hosts;
    private AppContext context;
    private volatile RateLimits limits = new RateLimits(List.of());
    /** Per switch: the meter of each limit, once the switch confirmed it. */
    private final Map<DatapathId, Map<HostLimit, Long>> meters = new ConcurrentHashMap<>();

    @Inject
    Qos(HostService hosts) {
        this.hosts = hosts;
    }

    @Override
    public void start(AppContext ctx) {
        this.context = ctx;
        QosConfig config = ctx.config(QosConfig.class).orElse(new QosConfig(null));
        limits = new RateLimits(config.limits());
        if (config.limits().isEmpty()) {
            LOG.warn("qos: no limits (give them with --app-config qos=FILE); it limits nothing");
        }
        ctx.filterFlows(this::filter);
        ctx.rest().get("/limits", request -> view());
    }

    @Override
    public void onSwitchUp(Switch sw) {
        if (limits.all().isEmpty()) {
            return;
        }
        Map<HostLimit, Long> mine = new ConcurrentHashMap<>();
        meters.put(sw.id(), mine);
        // Meters of an earlier connection (the switch keeps them) go first, with the entries that used them.
        context.meters().deleteAll(sw).thenCompose(n -> CompletableFuture.allOf(limits.all().stream()
                .map(l -> context.meters().add(sw, flags(l), List.of(band(sw, l))).thenAccept(id -> mine.put(l, id)))
                .toArray(CompletableFuture[]::new))).whenComplete((ok, failure) -> {
                    if (failure != null && (!sw.isConnected() || meters.get(sw.id()) != mine)) {
                        // This connection closed meanwhile (the controller's packet-path warm-up closes its rehearsal
                        // switch at once): a switch's next connection sets its meters again, so nothing is unlimited.
                        LOG.debug("qos: dpid={} disconnected before its meters were set: {}", sw.id(), failure.getMessage());
                    } else if (failure != null) {
                        LOG.warn("qos: dpid={} refused a meter, so some hosts are not limited there: {}", sw.id(),
                                failure.getMessage());
                    } else {
                        LOG.info("qos: dpid={} has {} meters: {}", sw.id(), mine.size(), mine);
                    }
                });
    }

    @Override
    public void onSwitchDown(DatapathId dpid) {
        meters.remove(dpid);
    }

    /** Another app's entry, through the meter of the limited host whose traffic it matches. */
    OFFlowMod filter(Switch sw, OFFlowMod mod) {
        Map<HostLimit, Long> mine = meters.get(sw.id());
        if (mine == null || mine.isEmpty() || RateLimits.metered(mod)) {
            return mod;
        }
        HostLimit limit = limits.of(mod.getMatch(), hosts);
        Long meter = limit == null ? null : mine.get(limit);
        if (meter == null) {
            return mod;
        }
        return mod.createBuilder().setInstructions(Meters.through(sw.factory(), meter, mod.getInstructions())).build();
    }

    private static Set<OFMeterFlags> flags(HostLimit l) {
        return l.burst() == null ? Set.of(OFMeterFlags.KBPS, OFMeterFlags.STATS)
                : Set.of(OFMeterFlags.KBPS, OFMeterFlags.BURST, OFMeterFlags.STATS);
    }

    private static OFMeterBand band(Switch sw, HostLimit l) {
        return Meters.drop(sw.factory(), l.rateKbps(), l.burst() == null ? 0 : l.burst());
    }

    /** The REST view: each limit with its meter id per switch (datapath id as 16 hex digits). */
    private List<Map<String, Object>> view() {
        return limits.all().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("host", l.host());
            m.put("rate_mbit", l.rate());
            if (l.burst() != null) {
                m.put("burst_kbit", l.burst());
            }
            Map<String, Long> perSwitch = new LinkedHashMap<>();
            meters.forEach((dpid, ids) -> {
                Long id = ids.get(l);
                if (id != null) {
                    perSwitch.put(dpid.toString(), id);
                }
            });
            m.put("meters", perSwitch);
            return m;
        }).toList();
    }
}
