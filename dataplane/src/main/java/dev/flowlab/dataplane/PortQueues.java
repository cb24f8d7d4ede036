package dev.flowlab.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.topologies.PortQos;
import dev.flowlab.topologies.Topology;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Egress queues of switch ports ({@link PortQos}) as Open vSwitch QoS records of type {@code linux-htb}
 * with their Queue records, made in the bridge transaction. QoS and Queue are root tables of the OVS
 * database: deleting a bridge leaves them behind, unreferenced, forever. So each record carries the run's
 * tag ({@code external_ids:flowlab-run}) like its bridges, and teardown (and {@code flowlab clean} for
 * runs whose record is gone) destroys exactly the tagged ones.
 *
 * <p>What the userspace datapath ({@code datapath_type=netdev}) does with them, measured here: the htb
 * qdisc is installed on the port and queue 0's rates hold for everything leaving the port, but
 * {@code set_queue} selects nothing (frames leave through an AF_PACKET socket, which gives every frame the
 * socket's priority, so all of them fall into the default class, queue 0). See the README.
 */
final class PortQueues {
    private static final String QOS_TABLE = "QoS";
    private static final String QUEUE_TABLE = "Queue";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PortQueues() {
    }

    /** Interfaces whose port gets queues: recorded in the run state, so teardown knows to look for records. */
    static List<String> ports(Topology t) {
        return t.qos().stream().map(PortQos::interfaceName).toList();
    }

    /** ovs-vsctl arguments (after the ports are added) creating each port's QoS and queues, tagged with the run. */
    static List<String> ovsArgs(Topology t, String runId) {
        List<String> argv = new ArrayList<>();
        String tag = "external_ids:" + OvsCommands.RUN_KEY + "=" + runId;
        int n = 0;
        for (PortQos p : t.qos()) {
            String qos = "@qos" + n++;
            List<String> create = new ArrayList<>(List.of("--", "--id=" + qos, "create", QOS_TABLE, "type=linux-htb", tag));
            if (p.maxRateMbit() != null) {
                create.add("other_config:max-rate=" + bitsPerSecond(p.maxRateMbit()));
            }
            List<String> queues = new ArrayList<>();
            for (PortQos.Queue q : p.queues()) {
                String queue = qos + "q" + q.id();
                create.add("queues:" + q.id() + "=" + queue);
                queues.addAll(List.of("--", "--id=" + queue, "create", QUEUE_TABLE, tag));
                if (q.minRateMbit() != null) {
                    queues.add("other_config:min-rate=" + bitsPerSecond(q.minRateMbit()));
                }
                if (q.maxRateMbit() != null) {
                    queues.add("other_config:max-rate=" + bitsPerSecond(q.maxRateMbit()));
                }
            }
            argv.addAll(List.of("--", "set", "port", p.interfaceName(), "qos=" + qos));
            argv.addAll(create);
            argv.addAll(queues);
        }
        return argv;
    }

    /**
     * Destroys the QoS and Queue records whose run tag {@code runs} accepts and that nothing still uses: a QoS
     * a port points at (its bridge is not gone) stays, and so do the queues of a QoS that stays. One ovs-vsctl
     * call lists, one transaction destroys. Returns what it removed, e.g. {@code QoS 1b2c...}.
     */
    static List<String> destroy(Predicate<String> runs, Duration timeout) {
        List<String> doomed = unused(OvsControl.run(OvsControl.vsctl(timeout, List.of("--format=json",
                "--columns=_uuid,external_ids,queues", "list", QOS_TABLE,
                "--", "--columns=_uuid,external_ids", "list", QUEUE_TABLE,
                "--", "--columns=qos", "list", "Port")), timeout), runs);
        List<String> argv = new ArrayList<>();
        for (String record : doomed) {
            String[] tableAndUuid = record.split(" ");
            argv.addAll(List.of("--", "--if-exists", "destroy", tableAndUuid[0], tableAndUuid[1]));
        }
        if (!argv.isEmpty()) {
            ProcessRunner.check(OvsControl.vsctl(timeout, argv), null, timeout.plusSeconds(5));
        }
        return doomed;
    }

    /**
     * From ovs-vsctl's JSON listing of QoS ({@code _uuid,external_ids,queues}), Queue ({@code _uuid,external_ids})
     * and Port ({@code qos}), one table a line: the records tagged with a run {@code runs} accepts that no port
     * and no remaining QoS points at, as {@code QoS 1b2c...} and {@code Queue 3d4e...}, QoS first.
     */
    static List<String> unused(String listing, Predicate<String> runs) {
        List<JsonNode> tables = listing.lines().filter(l -> !l.isBlank()).map(PortQueues::json).toList();
        if (tables.size() != 3) {
            throw new DataplaneException("ovs-vsctl listed " + tables.size() + " tables, not QoS, Queue and Port");
        }
        Set<String> usedQos = new HashSet<>();
        tables.get(2).path("data").forEach(row -> uuids(row, usedQos));
        List<String> doomed = new ArrayList<>();
        Set<String> usedQueues = new HashSet<>();
        for (JsonNode row : tables.get(0).path("data")) {
            String uuid = row.path(0).path(1).asText();
            if (ours(row, runs) && !usedQos.contains(uuid)) {
                doomed.add(QOS_TABLE + " " + uuid);
            } else {
                uuids(row.path(2), usedQueues);
            }
        }
        for (JsonNode row : tables.get(1).path("data")) {
            String uuid = row.path(0).path(1).asText();
            if (ours(row, runs) && !usedQueues.contains(uuid)) {
                doomed.add(QUEUE_TABLE + " " + uuid);
            }
        }
        return doomed;
    }

    /** A row {@code [["uuid", u], ["map", [[key, value], ...]], ...]} whose run tag {@code runs} accepts. */
    private static boolean ours(JsonNode row, Predicate<String> runs) {
        for (JsonNode pair : row.path(1).path(1)) {
            if (pair.path(0).asText().equals(OvsCommands.RUN_KEY)) {
                return runs.test(pair.path(1).asText());
            }
        }
        return false;
    }

    /** Every uuid referenced in an OVSDB JSON value: {@code ["uuid", u]} anywhere inside sets and maps. */
    private static void uuids(JsonNode value, Set<String> into) {
        if (value.isArray() && value.size() == 2 && "uuid".equals(value.path(0).asText()) && value.path(1).isTextual()) {
            into.add(value.path(1).asText());
        } else {
            value.forEach(v -> uuids(v, into));
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new DataplaneException("ovs-vsctl printed no JSON table: " + e.getMessage(), e);
        }
    }

    private static long bitsPerSecond(double mbit) {
        return Math.round(mbit * 1_000_000);
    }
}
