package dev.flowlab.controller.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flowlab.controller.core.OwnedEntries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFGroupDescStatsEntry;
import org.projectfloodlight.openflow.protocol.OFGroupStatsEntry;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.protocol.OFMeterConfig;
import org.projectfloodlight.openflow.protocol.OFMeterStats;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBand;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBandDrop;
import org.projectfloodlight.openflow.protocol.meterband.OFMeterBandDscpRemark;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;

/** What the REST API shows of groups and meters: the bodies POST takes, plus owner and counters. */
final class GroupMeterViews {
    private GroupMeterViews() {
    }

    /** Makes the view of one entry the switch reported, given every id's owner. */
    @FunctionalInterface
    interface Viewer<E, V> {
        V of(E entry, Map<Long, String> owners);
    }

    private static String ownerOf(Map<Long, String> owners, long id) {
        return owners.getOrDefault(id, OwnedEntries.UNKNOWN);
    }

    private static long id(OFGroup group) {
        return group.getGroupNumber() & 0xffffffffL;
    }

    record GroupView(long groupId, String type, String owner, List<Map<String, Object>> buckets) {
        static GroupView of(OFGroupDescStatsEntry e, Map<Long, String> owners) {
            long id = id(e.getGroup());
            return new GroupView(id, e.getGroupType() == OFGroupType.FF ? "FF" : e.getGroupType().name(), ownerOf(owners, id),
                    e.getBuckets().stream().map(b -> bucket(e.getGroupType(), b)).toList());
        }

        private static Map<String, Object> bucket(OFGroupType type, OFBucket b) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (type == OFGroupType.SELECT) {
                json.put("weight", b.getWeight());
            }
            if (type == OFGroupType.FF && !b.getWatchPort().equals(OFPort.ANY)) {
                json.put("watch_port", PortNumbers.json(b.getWatchPort()));
            }
            json.put("actions", ActionCodec.actionsToJson(b.getActions()));
            return json;
        }
    }

    record GroupStatsView(long groupId, String owner, long refCount, long packetCount, long byteCount, long durationSec,
                          List<Map<String, Long>> bucketStats) {
        static GroupStatsView of(OFGroupStatsEntry e, Map<Long, String> owners) {
            long id = id(e.getGroup());
            return new GroupStatsView(id, ownerOf(owners, id), e.getRefCount(), e.getPacketCount().getValue(),
                    e.getByteCount().getValue(), e.getDurationSec(), e.getBucketStats().stream()
                    .map(c -> Map.of("packet_count", c.getPacketCount().getValue(), "byte_count", c.getByteCount().getValue()))
                    .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Band(String type, long rate, long burstSize, Integer precLevel) {
        static Band of(OFMeterBand band) {
            if (band instanceof OFMeterBandDrop drop) {
                return new Band("DROP", drop.getRate(), drop.getBurstSize(), null);
            }
            if (band instanceof OFMeterBandDscpRemark remark) {
                return new Band("DSCP_REMARK", remark.getRate(), remark.getBurstSize(), (int) remark.getPrecLevel());
            }
            return new Band(band.getClass().getSimpleName(), 0, 0, null);
        }
    }

    record MeterView(long meterId, String owner, List<String> flags, List<Band> bands) {
        static MeterView of(OFMeterConfig e, Map<Long, String> owners) {
            return new MeterView(e.getMeterId(), ownerOf(owners, e.getMeterId()), names(e.getFlags()),
                    e.getEntries().stream().map(Band::of).toList());
        }
    }

    record MeterStatsView(long meterId, String owner, long flowCount, long packetInCount, long byteInCount,
                          long durationSec, List<Map<String, Long>> bandStats) {
        static MeterStatsView of(OFMeterStats e, Map<Long, String> owners) {
            return new MeterStatsView(e.getMeterId(), ownerOf(owners, e.getMeterId()), e.getFlowCount(),
                    e.getPacketInCount().getValue(), e.getByteInCount().getValue(), e.getDurationSec(),
                    e.getBandStats().stream().map(b -> Map.of("packet_band_count", b.getPacketBandCount().getValue(),
                            "byte_band_count", b.getByteBandCount().getValue())).toList());
        }
    }

    private static List<String> names(Set<? extends Enum<?>> flags) {
        return flags.stream().map(f -> f.name().toUpperCase(Locale.ROOT)).sorted().toList();
    }
}
