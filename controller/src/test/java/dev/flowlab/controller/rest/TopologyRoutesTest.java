package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.rest.Http.Answer;
import dev.flowlab.controller.topology.SeenTopology;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * Links, hosts and paths over HTTP, from a fixed two-switch topology: h1 - s1 =(2:3)= s2 - h2, h3 on s3 alone,
 * and h1's MAC in VLAN 10 on s3 too.
 */
class TopologyRoutesTest {
    private static final DatapathId S1 = DatapathId.of(1);
    private static final DatapathId S2 = DatapathId.of(2);
    private static final HostInfo H1 = host(1, 1, S1, 1);
    private static final HostInfo H2 = host(2, 2, S2, 1);
    private static final HostInfo H3 = host(3, 3, DatapathId.of(3), 1);
    /** h1's MAC again, as a host of VLAN 10 on s3 (a network with VLAN roles). */
    private static final HostInfo H1_IN_VLAN_10 = new HostInfo(H1.mac(), Set.of(IPv4Address.of("10.0.10.1")),
            DatapathId.of(3), OFPort.of(2), 10);

    private RestServer server;
    private Http http;

    @BeforeEach
    void start() {
        RouteTable table = new RouteTable();
        new TopologyRoutes(new SeenTopology().switchUp(1, 3).switchUp(2, 3).switchUp(3, 1).cable(1, 2, 2, 3).view(),
                new FixedHosts()).register(table);
        server = RestServer.start(RestConfig.on("127.0.0.1", 0), table);
        http = new Http(server.access());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void linksAreListedInBothDirections() {
        JsonNode links = http.get("/api/links").json();
        assertThat(links).hasSize(2);
        assertThat(links.get(0).toString()).isEqualTo(
                "{\"src_dpid\":\"00:00:00:00:00:00:00:01\",\"src_port\":2,\"dst_dpid\":\"00:00:00:00:00:00:00:02\",\"dst_port\":3}");
    }

    @Test
    void hostsShowWhereTheyAttach() {
        JsonNode hosts = http.get("/api/hosts").json();
        assertThat(hosts).extracting(h -> h.get("mac").asText())
                .containsExactly("00:00:00:00:00:01", "00:00:00:00:00:02", "00:00:00:00:00:03", "00:00:00:00:00:01");
        assertThat(hosts.get(1).get("ips").get(0).asText()).isEqualTo("10.0.0.2");
        assertThat(hosts.get(1).get("port").asInt()).isEqualTo(1);
    }

    @Test
    void aHostInAVlanShowsItsVlanAndAnUntaggedHostNone() {
        JsonNode hosts = http.get("/api/hosts").json();

        assertThat(hosts.get(0).has("vlan")).as("h1 untagged: %s", hosts.get(0)).isFalse();
        assertThat(hosts.get(3).toString()).isEqualTo("{\"mac\":\"00:00:00:00:00:01\",\"vlan\":10,\"ips\":[\"10.0.10.1\"],"
                + "\"dpid\":\"00:00:00:00:00:00:00:03\",\"port\":2}");
    }

    @Test
    void pathBetweenHostsByIpOrMacGivesEverySwitchWithItsPorts() {
        for (String[] ends : List.of(new String[] {"10.0.0.1", "10.0.0.2"}, new String[] {"00:00:00:00:00:01", "10.0.0.2"})) {
            Answer answer = http.get("/api/paths/" + ends[0] + "/" + ends[1]);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("hops").asInt()).isEqualTo(1);
            assertThat(answer.json().get("path").toString()).isEqualTo(
                    "[{\"dpid\":\"00:00:00:00:00:00:00:01\",\"in_port\":1,\"out_port\":2},"
                            + "{\"dpid\":\"00:00:00:00:00:00:00:02\",\"in_port\":3,\"out_port\":1}]");
        }
        JsonNode sameSwitch = http.get("/api/paths/10.0.0.1/10.0.0.1").json();
        assertThat(sameSwitch.get("path")).hasSize(1);
    }

    @Test
    void unknownHostsAndMissingPathsAreClearErrors() {
        Answer unknown = http.get("/api/paths/10.0.0.1/10.0.0.9");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).startsWith("host 10.0.0.9 is not known");
        assertThat(http.get("/api/paths/h1/h2").status()).isEqualTo(400);
        Answer noPath = http.get("/api/paths/10.0.0.1/10.0.0.3");
        assertThat(noPath.status()).isEqualTo(404);
        assertThat(noPath.error()).startsWith("no path from 00:00:00:00:00:00:00:01 to 00:00:00:00:00:00:00:03");
    }

    private static HostInfo host(int n, int ip, DatapathId dpid, int port) {
        return new HostInfo(MacAddress.of(n), Set.of(IPv4Address.of(10 << 24 | ip)), dpid, OFPort.of(port));
    }

    private static final class FixedHosts implements HostService {
        @Override
        public Collection<HostInfo> hosts() {
            return List.of(H3, H2, H1, H1_IN_VLAN_10);
        }

        @Override
        public Optional<HostInfo> hostByMac(int vlan, MacAddress mac) {
            return hosts().stream().filter(h -> h.vlan() == vlan && h.mac().equals(mac)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByIp(int vlan, IPv4Address ip) {
            return hosts().stream().filter(h -> h.vlan() == vlan && h.ips().contains(ip)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByMac(MacAddress mac) {
            return hosts().stream().filter(h -> h.mac().equals(mac)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByIp(IPv4Address ip) {
            return hosts().stream().filter(h -> h.ips().contains(ip)).findFirst();
        }

        @Override
        public void addListener(HostListener listener) {
        }

        @Override
        public void removeListener(HostListener listener) {
        }
    }
}
