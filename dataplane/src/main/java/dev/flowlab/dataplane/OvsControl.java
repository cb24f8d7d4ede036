package dev.flowlab.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every ovs-vsctl and ovs-ofctl command of flowlab goes through here, so each carries a
 * {@code --timeout}: without it an ovs-vsctl waits forever for an ovsdb-server that does not answer.
 * Operations on a running network's switches are on {@link OvsBridge} and {@link Network}; what is
 * machine-wide (OVS's SSL settings) uses {@link #vsctl(String...)} directly.
 */
public final class OvsControl {
    /** The limit for one command on a running network (creating 1,000 bridges has its own). */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private OvsControl() {
    }

    /** ovs-vsctl argv: the tool, {@code --timeout}, then {@code args}. */
    static List<String> vsctl(Duration timeout, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(Tools.path("ovs-vsctl"), "--timeout=" + Math.max(1, timeout.toSeconds())));
        argv.addAll(args);
        return argv;
    }

    /** Runs ovs-vsctl with {@link #TIMEOUT}; its output, or a {@link CommandFailedException}. */
    public static String vsctl(String... args) {
        return run(vsctl(TIMEOUT, Arrays.asList(args)), TIMEOUT);
    }

    /**
     * Runs ovs-ofctl ({@link #TIMEOUT}) offering the bridge's versions (it must share one with the bridge, or it
     * fails); its output, or a {@link CommandFailedException}.
     */
    static String ofctl(List<OpenFlowVersion> protocols, String command, String bridge, String... args) {
        List<String> argv = new ArrayList<>(List.of(Tools.path("ovs-ofctl"), "--timeout=" + TIMEOUT.toSeconds(),
                "-O", OpenFlowVersion.names(protocols), command, bridge));
        argv.addAll(Arrays.asList(args));
        return run(argv, TIMEOUT);
    }

    /** ovs-ofctl's flow entries, one line each, without the reply header. */
    static List<String> flows(String bridge, List<OpenFlowVersion> protocols) {
        return ofctl(protocols, "dump-flows", bridge).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("OFPST_FLOW") && !l.startsWith("NXST_FLOW")).toList();
    }

    /** Whether each bridge has a controller and all its controllers are connected, in one ovs-vsctl call. */
    static Map<String, Boolean> connected(List<String> bridges) {
        ControllerRecords records = controllerRecords(bridges);
        Map<String, Boolean> result = new LinkedHashMap<>();
        records.byBridge().forEach((bridge, uuids) -> result.put(bridge,
                !uuids.isEmpty() && uuids.stream().allMatch(u -> records.connected().getOrDefault(u, false))));
        return result;
    }

    /**
     * The Controller records of each bridge (every one of {@code bridges}, with none when it has none) and
     * whether each record is connected, in one ovs-vsctl call. A bridge's name stands for its controller in
     * ovs-vsctl's database commands only while it has exactly one: with several, commands name the records.
     */
    static ControllerRecords controllerRecords(List<String> bridges) {
        String out = vsctl("--format=csv", "--no-headings", "--data=bare", "--columns=name,controller", "list", "Bridge",
                "--", "--columns=_uuid,is_connected", "list", "Controller");
        String[] tables = out.split("\n\\s*\n", 2);
        Map<String, Boolean> controllerUp = new HashMap<>();
        if (tables.length > 1) {
            for (String line : tables[1].lines().toList()) {
                String[] f = line.split(",");
                if (f.length == 2) {
                    controllerUp.put(f[0].strip(), f[1].strip().equals("true"));
                }
            }
        }
        Map<String, List<String>> byBridge = new LinkedHashMap<>();
        bridges.forEach(b -> byBridge.put(b, List.of()));
        for (String line : tables[0].lines().toList()) {
            int comma = line.indexOf(',');
            if (comma <= 0 || !byBridge.containsKey(line.substring(0, comma))) {
                continue;
            }
            byBridge.put(line.substring(0, comma),
                    Arrays.stream(line.substring(comma + 1).strip().split("\\s+")).filter(u -> !u.isEmpty()).toList());
        }
        return new ControllerRecords(byBridge, controllerUp);
    }

    /**
     * @param byBridge  bridge name to the uuids of its Controller records
     * @param connected Controller record uuid to its {@code is_connected}
     */
    record ControllerRecords(Map<String, List<String>> byBridge, Map<String, Boolean> connected) {
    }

    /** Bridge name to the value of {@code external_ids:KEY}, for every bridge that has exactly that key. */
    static Map<String, String> bridgesWithExternalId(String key, Duration timeout) {
        String out = run(vsctl(timeout, List.of("--format=json", "--columns=name,external_ids", "list", "Bridge")), timeout);
        return externalIdValues(out, key);
    }

    /** Parses {@code ovs-vsctl --format=json --columns=name,external_ids list Bridge}: bridge to value of {@code key}. */
    static Map<String, String> externalIdValues(String json, String key) {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            for (JsonNode row : JSON.readTree(json).path("data")) {
                // ["name", ["map", [["k1", "v1"], ["k2", "v2"]]]]
                for (JsonNode pair : row.path(1).path(1)) {
                    if (pair.path(0).asText().equals(key)) {
                        found.put(row.path(0).asText(), pair.path(1).asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new DataplaneException("ovs-vsctl printed no JSON table: " + e.getMessage(), e);
        }
        return found;
    }

    static String run(List<String> argv, Duration timeout) {
        // The process deadline is a little longer than ovs-vsctl's own, so its clearer message wins.
        return ProcessRunner.check(argv, null, timeout.plusSeconds(5)).stdout();
    }
}
