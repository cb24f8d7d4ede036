package dev.flowlab.controller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.api.Groups;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.projectfloodlight.openflow.protocol.OFBucket;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * The body of {@code POST /api/switches/{dpid}/groups} (and of {@code PUT .../groups/{id}}), as
 * Ryu's {@code groupentry}: {@code {"type": "FF", "buckets": [{"watch_port": 2, "actions": [...]}]}}.
 * Without {@code group_id} the controller picks the lowest free id.
 */
record GroupBody(Long groupId, String type, List<Bucket> buckets) {
    private static final Map<String, OFGroupType> TYPES = Map.of("ALL", OFGroupType.ALL, "SELECT", OFGroupType.SELECT,
            "INDIRECT", OFGroupType.INDIRECT, "FF", OFGroupType.FF, "FAST_FAILOVER", OFGroupType.FF);

    /** One bucket: {@code weight} for SELECT groups, {@code watch_port} for FF groups. */
    record Bucket(Integer weight, JsonNode watchPort, List<JsonNode> actions) {
    }

    /** @throws IllegalArgumentException naming the field at fault */
    OFGroupType groupType() {
        OFGroupType t = type == null ? null : TYPES.get(type.toUpperCase(Locale.ROOT));
        if (t == null) {
            throw new IllegalArgumentException("type: " + (type == null ? "missing" : "'" + type + "' is not") + " one of"
                    + " ALL, SELECT, INDIRECT, FF");
        }
        return t;
    }

    /** @throws IllegalArgumentException naming the bucket and field at fault */
    List<OFBucket> toBuckets(OFFactory of) {
        OFGroupType t = groupType();
        if (buckets == null || buckets.isEmpty()) {
            throw new IllegalArgumentException("buckets: give at least one, like [{\"actions\": [{\"type\": \"OUTPUT\", \"port\": 1}]}]");
        }
        if (t == OFGroupType.INDIRECT && buckets.size() != 1) {
            throw new IllegalArgumentException("buckets: an INDIRECT group has exactly one bucket, not " + buckets.size());
        }
        List<OFBucket> built = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            String where = "buckets[" + i + "]";
            Bucket b = buckets.get(i);
            if (b == null) {
                throw new IllegalArgumentException(where + ": a bucket is an object with actions");
            }
            int weight = b.weight == null ? (t == OFGroupType.SELECT ? 1 : 0) : b.weight;
            if (t == OFGroupType.SELECT ? weight < 1 || weight > 0xffff : weight != 0) {
                throw new IllegalArgumentException(where + ".weight: " + (t == OFGroupType.SELECT
                        ? weight + " is out of range 1-65535" : "only SELECT buckets have a weight"));
            }
            OFPort watch = watchPort(b.watchPort, where, t);
            built.add(Groups.bucket(of, weight, watch, ActionCodec.bucketActions(of,
                    b.actions == null ? List.of() : b.actions, where + ".actions")));
        }
        return built;
    }

    private static OFPort watchPort(JsonNode json, String where, OFGroupType t) {
        if (json == null || json.isNull()) {
            if (t == OFGroupType.FF) {
                throw new IllegalArgumentException(where + ".watch_port: missing; an FF bucket is used while its watch port is live");
            }
            return OFPort.ANY;
        }
        if (t != OFGroupType.FF) {
            throw new IllegalArgumentException(where + ".watch_port: only FF buckets watch a port");
        }
        OFPort port = json.isValueNode() ? PortNumbers.parse(json.asText()) : null;
        if (port == null) {
            throw new IllegalArgumentException(where + ".watch_port: '" + json + "' is not " + PortNumbers.names());
        }
        return port;
    }
}
