package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code load-balancer} app beside each forwarding app on real Open vSwitch bridges, on
 * {@code linear,3,2}: web servers on h1s2, h1s3 and h2s3 (10.0.0.2, .3, .6), each answering its own
 * name; clients h1s1, h2s1 and h2s2 fetch the virtual IP's page with curl. Prints how the
 * connections were spread and how long a fetch takes (a measurement, not an assertion).
 */
@SystemTest(LoadBalancerSystemTest.PREFIX)
class LoadBalancerSystemTest {
    static final String PREFIX = "lb";
    private static final String VIP = "10.0.0.100";
    private static final List<String> SERVERS = List.of("h1s2", "h1s3", "h2s3");
    private static final List<String> CLIENTS = List.of("h1s1", "h2s1", "h2s2");

    @ParameterizedTest(name = "beside {0}")
    @ValueSource(strings = {"learning-switch", "routing"})
    void everyServerAnswersTheVirtualIpAndTheEntriesIdleOut(String forwarding, @TempDir Path dir) throws Exception {
        Path config = dir.resolve("load-balancer.yaml");
        Files.writeString(config, "vip: " + VIP + "\nservers: [10.0.0.2, 10.0.0.3, 10.0.0.6]\nidle_timeout: 2\n");
        try (Lab lab = AppLabs.start(Topologies.linear(3, 2), PREFIX, List.of("load-balancer", forwarding),
                Map.of("load-balancer", config))) {
            for (String name : SERVERS) {
                Path root = Files.createDirectories(dir.resolve(name));
                Files.writeString(root.resolve("index.html"), name + "\n");
                NamespaceHost server = lab.network().host(name);
                server.popen("/usr/bin/python3", "-m", "http.server", "8000", "--bind", "0.0.0.0", "--directory", root.toString());
                SystemTests.until(name + "'s web server answers", () -> fetch(server, "127.0.0.1").ok());
            }

            Map<String, Integer> answers = new TreeMap<>();
            List<Double> seconds = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String name : CLIENTS) {
                    ExecResult r = fetch(lab.network().host(name), VIP);
                    assertThat(r.ok()).as("%s fetches http://%s:8000/: %s", name, VIP, r.stderr()).isTrue();
                    String[] out = r.stdout().trim().split("\\s+");   // page, the address curl talked to, time
                    assertThat(out[1]).as("the answer to %s came from the virtual IP", name).isEqualTo(VIP);
                    answers.merge(out[0], 1, Integer::sum);
                    seconds.add(Double.parseDouble(out[2]));
                }
            }

            assertThat(AppLabs.flows(lab, "s2")).as("the last connection's entries on s2 (h2s2's switch)").contains("priority=20000");
            assertThat(answers.keySet()).as("servers that answered").containsExactlyElementsOf(SERVERS);
            System.out.printf("load-balancer: 9 fetches of http://%s:8000/ from 3 clients on linear,3,2 (%s"
                    + " beside it): answered by %s; first fetch %.1f ms, the other 8 %.1f ms on average%n", VIP, forwarding, answers,
                    seconds.get(0) * 1000, seconds.subList(1, 9).stream().mapToDouble(d -> d).average().orElseThrow() * 1000);
            SystemTests.until("the connections' entries idle out", () -> lab.switchNames().stream().noneMatch(s ->
                    AppLabs.flows(lab, s).contains("priority=20000")));
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** The page at port 8000 of {@code address}, then the address curl talked to and the seconds it took. */
    private static ExecResult fetch(NamespaceHost client, String address) {
        return client.exec("curl", "-s", "-m", "5", "-w", " %{remote_ip} %{time_total}\\n", "http://" + address + ":8000/");
    }
}
