package dev.flowlab.controller.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlab.controller.api.FlowEntries;
import dev.flowlab.controller.api.Ports;
import dev.flowlab.controller.api.Switch;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFFlowStatsEntry;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFPortStatsEntry;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.U64;

/** What the REST API shows of switches, ports and flows (records Jackson writes in snake_case). */
final class SwitchViews {
    private SwitchViews() {
    }

    /** @param role this controller's OpenFlow role for the switch (EQUAL unless in a cluster) */
    record SwitchView(String dpid, long dpidInt, String address, int ports, String role) {
        static SwitchView of(Switch sw) {
            return new SwitchView(sw.id().toString(), sw.id().getLong(),
                    sw.remoteAddress().getHostString() + ":" + sw.remoteAddress().getPort(), sw.ports().size(),
                    sw.role().name());
        }
    }

    record PortView(Object portNo, String name, String hwAddr, boolean up, List<String> config, List<String> state,
                    long currSpeedKbps) {
        static PortView of(OFPortDesc p) {
            return new PortView(PortNumbers.json(p.getPortNo()), p.getName(), p.getHwAddr().toString(), Ports.isUp(p),
                    names(p.getConfig()), names(p.getState()), Ports.currentSpeedKbps(p));
        }
    }

    record PortStatsView(Object portNo, long rxPackets, long txPackets, long rxBytes, long txBytes, long rxDropped,
                         long txDropped, long rxErrors, long txErrors, long durationSec) {
        static PortStatsView of(OFPortStatsEntry e) {
            return new PortStatsView(PortNumbers.json(e.getPortNo()), n(e.getRxPackets()), n(e.getTxPackets()),
                    n(e.getRxBytes()), n(e.getTxBytes()), n(e.getRxDropped()), n(e.getTxDropped()), n(e.getRxErrors()),
                    n(e.getTxErrors()), e.getVersion() == OFVersion.OF_10 ? 0 : e.getDurationSec());   // 1.0 has none
        }
    }

    /**
     * One flow entry as the switch reported it.
     *
     * @param id the static flow id (for {@code DELETE .../flows/{id}}) when the entry was added through REST
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FlowView(Integer id, int tableId, int priority, String cookie, long durationSec, int idleTimeout,
                    int hardTimeout, long packetCount, long byteCount, Map<String, Object> match,
                    List<Map<String, Object>> actions) {
        static FlowView of(OFFlowStatsEntry e) {
            return new FlowView(StaticFlows.idOf(e.getCookie()), e.getTableId().getValue(), e.getPriority(),
                    e.getCookie().toString(), (long) FlowEntries.durationSeconds(e), e.getIdleTimeout(), e.getHardTimeout(),
                    FlowEntries.packets(e), FlowEntries.bytes(e), MatchCodec.toJson(e.getMatch()),
                    ActionCodec.toJson(FlowEntries.instructions(e)));
        }
    }

    private static long n(U64 value) {
        return value.getValue();
    }

    private static List<String> names(Set<? extends Enum<?>> flags) {
        return flags.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
