package dev.flowlab.controller.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.monitor.PortStatsMonitor;
import dev.flowlab.controller.role.ClusterView;
import dev.flowlab.controller.role.Mastership;
import dev.flowlab.controller.role.RoleClaim;
import dev.flowlab.controller.testing.PeerRoles;
import dev.flowlab.controller.testing.SwitchPeer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * The web view's REST reads hold their caps: a switch with more flow entries than a page shows them a
 * page at a time, highest priority first, with how many more there are (pages reach the entries the
 * monitor keeps; the count is of them all); a page never holds more than
 * {@link ViewRoutes#MAX_LIMIT}; a hostile offset or limit gets a one-line 400. The summary counts the
 * entries, packets, tables and groups without carrying the entries.
 */
class ViewRoutesTest {
    private static final int ADDED = 1100;   // more than the monitor keeps
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void pagesAreCappedAndBadParametersGetOneLine400() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().apps("test-flood").listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).portStatsInterval(Duration.ofMillis(200)).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 0x9, 1, 2).keepFlowTable(1).sayHello()) {
            RestAccess access = controller.restAccess().orElseThrow();
            Poll.until("switch 9 up", Duration.ofSeconds(10), () -> controller.switchById(DatapathId.of(9)).isPresent());
            Switch sw = controller.switchById(DatapathId.of(9)).orElseThrow();
            // The switch is listed before the apps' switch-up: wait for link discovery's entry (the highest), else
            // this thread's entries may all come first and it falls outside the monitor's first 1000.
            peer.awaitFirst(org.projectfloodlight.openflow.protocol.OFFlowAdd.class, add -> add.getPriority() == 65000,
                    Duration.ofSeconds(10));
            for (int i = 0; i < ADDED; i++) {
                sw.send(sw.factory().buildFlowAdd().setPriority(1000 + i).build());
            }
            sw.barrier().get(10, TimeUnit.SECONDS);
            HttpResponse<String> group = http.send(HttpRequest.newBuilder(URI.create(access.baseUrl() + "/api/switches/9/groups"))
                    .header("Authorization", access.authorization()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"ALL\", \"buckets\": [{\"actions\": "
                            + "[{\"type\": \"OUTPUT\", \"port\": 2}]}]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
            int total = peer.flows().size();
            assertThat(total).isGreaterThan(ADDED);   // and the table-miss entry

            Poll.until("the summary counts every entry and the group", Duration.ofSeconds(10), () -> {
                JsonNode s = get(access, "/api/view").get("switches").get(0);
                return s.get("flows").asInt() == total && s.get("groups").asInt() == 1;
            });
            JsonNode summary = get(access, "/api/view").get("switches").get(0);
            assertThat(summary.get("tables").asInt()).isEqualTo(1);
            assertThat(summary.get("meters").asInt()).isZero();
            assertThat(summary.get("ports").asInt()).isEqualTo(2);
            assertThat(summary.has("flow_table")).isFalse();

            JsonNode first = get(access, "/api/view/switches/9");
            assertThat(first.get("flows_total").asInt()).isEqualTo(total);
            assertThat(first.get("flows")).hasSize(ViewRoutes.DEFAULT_LIMIT);
            assertThat(first.get("flows_more").asInt()).isEqualTo(total - ViewRoutes.DEFAULT_LIMIT);
            assertThat(first.get("flows").get(0).get("priority").asInt())
                    .isEqualTo(peer.flows().stream().mapToInt(f -> f.getPriority()).max().orElseThrow());
            assertThat(first.get("flows").get(1).get("priority").asInt()).isLessThan(first.get("flows").get(0).get("priority").asInt());
            assertThat(first.get("ports")).hasSize(2);

            JsonNode biggest = get(access, "/api/view/switches/9?limit=" + ViewRoutes.MAX_LIMIT);
            assertThat(biggest.get("flows")).hasSize(ViewRoutes.MAX_LIMIT);
            JsonNode last = get(access, "/api/view/switches/00:00:00:00:00:00:00:09?offset=600&limit=500");
            assertThat(last.get("offset").asInt()).isEqualTo(600);
            assertThat(last.get("flows_kept").asInt()).isEqualTo(PortStatsMonitor.KEPT_FLOWS);
            assertThat(last.get("flows")).hasSize(PortStatsMonitor.KEPT_FLOWS - 600);
            assertThat(last.get("flows_more").asInt()).isEqualTo(total - PortStatsMonitor.KEPT_FLOWS);
            assertThat(get(access, "/api/view/switches/9?offset=" + ViewRoutes.MAX_OFFSET).get("flows")).isEmpty();

            for (String hostile : new String[] {"limit=501", "limit=0", "limit=-1", "limit=abc", "limit=1e3",
                    "limit=99999999999999999999", "offset=-1", "offset=10000001", "offset=" + "9".repeat(1000)}) {
                HttpResponse<String> r = send(access, "/api/view/switches/9?" + hostile);
                assertThat(r.statusCode()).as(hostile).isEqualTo(400);
                assertThat(r.body().strip()).as(hostile).doesNotContain("\n").hasSizeLessThan(200)
                        .containsPattern("(limit|offset) must be a whole number from \\d+ to \\d+");
            }
            assertThat(send(access, "/api/view/switches/77").statusCode()).isEqualTo(404);
            assertThat(send(access, "/api/view/switches/zz").statusCode()).isEqualTo(400);
        }
    }

    /** Under a cluster the snapshot names the members and the leader, and this member's role per switch. */
    @Test
    void theSnapshotShowsTheClusterAndTheRolePerSwitch() throws Exception {
        Mastership twoMembers = new Mastership() {
            @Override
            public void start(Listener listener) {
            }

            @Override
            public RoleClaim claim(DatapathId dpid) {
                return RoleClaim.slave(7);
            }

            @Override
            public ClusterView view() {
                return new ClusterView("m2", List.of(new ClusterView.Member("m1", "127.0.0.1:1"),
                        new ClusterView.Member("m2", "127.0.0.1:2")), Optional.of("m1"));
            }
        };
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).mastership(twoMembers).build());
             SwitchPeer peer = SwitchPeer.connect(controller.address(), 3, 1).roles(PeerRoles.likeOvs()).sayHello()) {
            RestAccess access = controller.restAccess().orElseThrow();
            Poll.until("switch 3 slave", Duration.ofSeconds(10), () -> "SLAVE".equals(
                    get(access, "/api/view").get("switches").path(0).path("role").asText()));
            JsonNode cluster = get(access, "/api/view").get("cluster");
            assertThat(cluster.get("self").asText()).isEqualTo("m2");
            assertThat(cluster.get("leader").asText()).isEqualTo("m1");
            assertThat(cluster.get("members")).extracting(JsonNode::asText).containsExactly("m1", "m2");
        }
    }

    @Test
    void aControllerOnItsOwnShowsNoCluster() throws Exception {
        try (Controller controller = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .rest(RestConfig.on("127.0.0.1", 0)).build())) {
            assertThat(get(controller.restAccess().orElseThrow(), "/api/view").get("cluster").isNull()).isTrue();
        }
    }

    private JsonNode get(RestAccess access, String path) {
        try {
            HttpResponse<String> r = send(access, path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return json.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(RestAccess access, String path) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(access.baseUrl() + path)).header("Authorization", access.authorization())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
