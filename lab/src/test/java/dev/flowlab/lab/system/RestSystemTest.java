package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.dataplane.PingResult;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Link;
import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The REST API against real Open vSwitch (linear,3 with the learning switch): a posted flow shows in
 * {@code ovs-ofctl dump-flows} and goes away when deleted; links, hosts, paths and port counters
 * match the network that was built.
 */
@SystemTest(RestSystemTest.PREFIX)
class RestSystemTest {
    static final String PREFIX = "rs";

    @Test
    void theApiShowsAndChangesTheRealNetwork() {
        Topology topology = Topologies.linear(3);
        try (Lab lab = AppLabs.start(topology, PREFIX, "learning-switch")) {
            RestClient rest = new RestClient(lab);
            postedFlowIsOnTheBridgeUntilDeleted(lab, rest);
            linksAreTheCablesBetweenSwitches(rest, topology);

            PingResult ping = lab.network().pingAll();
            assertThat(ping.failures()).isEmpty();
            JsonNode hosts = rest.get("/api/hosts").json();
            assertThat(hosts).extracting(h -> h.get("ips").get(0).asText()).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
            for (JsonNode h : hosts) {
                String name = "h" + h.get("ips").get(0).asText().substring("10.0.0.".length());
                String sw = "s" + name.substring(1);   // linear,3: hN hangs off sN
                assertThat(h.get("port").asInt()).as(name).isEqualTo(topology.port(sw, name).orElseThrow());
            }

            JsonNode path = rest.get("/api/paths/10.0.0.1/10.0.0.3").json();
            assertThat(path.get("path")).extracting(hop -> hop.get("dpid").asText())
                    .containsExactly("00:00:00:00:00:00:00:01", "00:00:00:00:00:00:00:02", "00:00:00:00:00:00:00:03");
            assertThat(path.get("path").get(0).get("out_port").asInt()).isEqualTo(topology.port("s1", "s2").orElseThrow());

            JsonNode stats = rest.get("/api/switches/1/ports/stats").json();
            assertThat(stats).filteredOn(p -> p.get("port_no").isNumber()).hasSize(2)   // and the bridge's LOCAL port
                    .allSatisfy(p -> assertThat(p.get("rx_packets").asLong()).isPositive());
            assertThat(rest.get("/api/counters").json().get("switches").get("00:00:00:00:00:00:00:01")
                    .get("packet_ins").asLong()).isPositive();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private static void postedFlowIsOnTheBridgeUntilDeleted(Lab lab, RestClient rest) {
        RestClient.Answer created = rest.post("/api/switches/1/flows", """
                {"priority": 1234, "match": {"in_port": 1, "eth_type": "0x0800", "ipv4_dst": "10.0.0.99"},
                 "actions": [{"type": "DEC_NW_TTL"}, {"type": "OUTPUT", "port": 2}]}""");
        assertThat(created.status()).as("%s", created.json()).isEqualTo(201);
        int id = created.json().get("id").asInt();
        assertThat(AppLabs.flows(lab, "s1")).contains("priority=1234,ip,in_port=1,nw_dst=10.0.0.99 actions=dec_ttl,output:2");
        assertThat(rest.get("/api/switches/00:00:00:00:00:00:00:01/flows").json())
                .anySatisfy(f -> assertThat(f.path("id").asInt()).isEqualTo(id));

        RestClient.Answer bad = rest.post("/api/switches/1/flows", "{\"match\": {\"tcp_dst\": 80}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).startsWith("match.tcp_dst needs ip_proto");

        assertThat(rest.delete("/api/switches/1/flows/" + id).status()).isEqualTo(200);
        assertThat(AppLabs.flows(lab, "s1")).doesNotContain("priority=1234");
    }

    private static void linksAreTheCablesBetweenSwitches(RestClient rest, Topology topology) {
        Set<String> expected = new HashSet<>();
        for (Link l : topology.links()) {
            var a = topology.switchNamed(l.nodeA());
            var b = topology.switchNamed(l.nodeB());
            if (a.isPresent() && b.isPresent()) {
                expected.add(a.get().dpid() + ":" + l.portOf(l.nodeA()) + ">" + b.get().dpid() + ":" + l.portOf(l.nodeB()));
                expected.add(b.get().dpid() + ":" + l.portOf(l.nodeB()) + ">" + a.get().dpid() + ":" + l.portOf(l.nodeA()));
            }
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode link : rest.get("/api/links").json()) {
            listed.add(dpid(link.get("src_dpid")) + ":" + link.get("src_port").asInt() + ">"
                    + dpid(link.get("dst_dpid")) + ":" + link.get("dst_port").asInt());
        }
        assertThat(listed).isEqualTo(expected);
    }

    private static long dpid(JsonNode colonHex) {
        return Long.parseUnsignedLong(colonHex.asText().replace(":", ""), 16);
    }
}
