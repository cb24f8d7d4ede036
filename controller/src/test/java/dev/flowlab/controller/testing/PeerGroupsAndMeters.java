package dev.flowlab.controller.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupAdd;
import org.projectfloodlight.openflow.protocol.OFGroupDelete;
import org.projectfloodlight.openflow.protocol.OFGroupDescStatsEntry;
import org.projectfloodlight.openflow.protocol.OFGroupDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFGroupMod;
import org.projectfloodlight.openflow.protocol.OFGroupModFailedCode;
import org.projectfloodlight.openflow.protocol.OFGroupModify;
import org.projectfloodlight.openflow.protocol.OFGroupStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFMeterConfig;
import org.projectfloodlight.openflow.protocol.OFMeterConfigStatsRequest;
import org.projectfloodlight.openflow.protocol.OFMeterMod;
import org.projectfloodlight.openflow.protocol.OFMeterModCommand;
import org.projectfloodlight.openflow.protocol.OFMeterModFailedCode;
import org.projectfloodlight.openflow.protocol.OFMeterStatsRequest;
import org.projectfloodlight.openflow.types.U64;

/**
 * The group and meter tables a {@link SwitchPeer} keeps with its flow table: adds of a taken id and
 * changes of a missing one are refused as Open vSwitch refuses them, and group and meter stats are
 * answered from the tables (with zero counters).
 */
final class PeerGroupsAndMeters {
    private final OFFactory of;
    private final Map<Long, OFGroupDescStatsEntry> groups = new ConcurrentSkipListMap<>();
    private final Map<Long, OFMeterConfig> meters = new ConcurrentSkipListMap<>();

    PeerGroupsAndMeters(OFFactory of) {
        this.of = of;
    }

    /** Answers {@code m} through {@code send} (if it needs an answer); false when it is not about groups or meters. */
    boolean answer(OFMessage m, Consumer<OFMessage> send) {
        Optional<OFMessage> reply = reply(m);
        reply.ifPresent(send);
        return reply.isPresent() || m instanceof OFGroupMod || m instanceof OFMeterMod;
    }

    private Optional<OFMessage> reply(OFMessage m) {
        if (m instanceof OFGroupMod mod) {
            return Optional.ofNullable(group(mod));
        } else if (m instanceof OFMeterMod mod) {
            return Optional.ofNullable(meter(mod));
        } else if (m instanceof OFGroupDescStatsRequest) {
            return Optional.of(of.buildGroupDescStatsReply().setXid(m.getXid()).setEntries(List.copyOf(groups.values())).build());
        } else if (m instanceof OFGroupStatsRequest) {
            return Optional.of(of.buildGroupStatsReply().setXid(m.getXid()).setEntries(groups.values().stream()
                    .map(g -> of.buildGroupStatsEntry().setGroup(g.getGroup()).setPacketCount(U64.ZERO).setByteCount(U64.ZERO)
                            .setBucketStats(g.getBuckets().stream().map(b -> of.bucketCounter(U64.ZERO, U64.ZERO)).toList())
                            .build()).toList()).build());
        } else if (m instanceof OFMeterConfigStatsRequest) {
            return Optional.of(of.buildMeterConfigStatsReply().setXid(m.getXid()).setEntries(List.copyOf(meters.values())).build());
        } else if (m instanceof OFMeterStatsRequest) {
            return Optional.of(of.buildMeterStatsReply().setXid(m.getXid()).setEntries(meters.values().stream()
                    .map(c -> of.buildMeterStats().setMeterId(c.getMeterId()).setPacketInCount(U64.ZERO)
                            .setByteInCount(U64.ZERO).setBandStats(List.of()).build()).toList()).build());
        }
        return Optional.empty();
    }

    List<OFGroupDescStatsEntry> groups() {
        return List.copyOf(groups.values());
    }

    List<OFMeterConfig> meters() {
        return List.copyOf(meters.values());
    }

    private OFMessage group(OFGroupMod mod) {
        long id = mod.getGroup().getGroupNumber() & 0xffffffffL;
        OFGroupDescStatsEntry entry = of.buildGroupDescStatsEntry().setGroup(mod.getGroup()).setGroupType(mod.getGroupType())
                .setBuckets(mod.getBuckets()).build();
        if (mod instanceof OFGroupAdd) {
            if (groups.putIfAbsent(id, entry) != null) {
                return of.errorMsgs().buildGroupModFailedErrorMsg().setXid(mod.getXid()).setCode(OFGroupModFailedCode.GROUP_EXISTS).build();
            }
        } else if (mod instanceof OFGroupModify) {
            if (groups.replace(id, entry) == null) {
                return of.errorMsgs().buildGroupModFailedErrorMsg().setXid(mod.getXid()).setCode(OFGroupModFailedCode.UNKNOWN_GROUP).build();
            }
        } else if (mod instanceof OFGroupDelete) {
            groups.remove(id);
        }
        return null;
    }

    private OFMessage meter(OFMeterMod mod) {
        long id = mod.getMeterId();
        OFMeterConfig entry = of.buildMeterConfig().setMeterId(id).setFlags(mod.getFlags()).setEntries(mod.getMeters()).build();
        if (mod.getCommand() == OFMeterModCommand.ADD) {
            if (meters.putIfAbsent(id, entry) != null) {
                return of.errorMsgs().buildMeterModFailedErrorMsg().setXid(mod.getXid()).setCode(OFMeterModFailedCode.METER_EXISTS).build();
            }
        } else if (mod.getCommand() == OFMeterModCommand.MODIFY) {
            if (meters.replace(id, entry) == null) {
                return of.errorMsgs().buildMeterModFailedErrorMsg().setXid(mod.getXid()).setCode(OFMeterModFailedCode.UNKNOWN_METER).build();
            }
        } else {
            meters.remove(id);
        }
        return null;
    }
}
