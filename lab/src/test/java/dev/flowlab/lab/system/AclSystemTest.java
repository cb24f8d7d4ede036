package dev.flowlab.lab.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.dataplane.ExecResult;
import dev.flowlab.dataplane.HostProcess;
import dev.flowlab.dataplane.NamespaceHost;
import dev.flowlab.lab.Lab;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code acl} app in front of the learning switch on real Open vSwitch (single,3: h1, h2, h3 =
 * 10.0.0.1-3): a rule from the file blocks TCP to h2 port 5201 while port 5202 and ping pass; a
 * rule added over REST blocks ping to h3 until it is deleted.
 */
@SystemTest(AclSystemTest.PREFIX)
class AclSystemTest {
    static final String PREFIX = "rs";
    private static final String RULES = """
            rules:
              - action: deny
                ipv4_dst: 10.0.0.2
                tcp_dst: 5201
            """;

    @TempDir
    Path dir;

    @Test
    void aDeniedFlowIsBlockedWhileAllowedFlowsPass() throws IOException {
        Path rules = Files.writeString(dir.resolve("acl.yaml"), RULES);
        try (Lab lab = AppLabs.start(Topologies.single(3), PREFIX, List.of("acl", "learning-switch"), Map.of("acl", rules))) {
            RestClient rest = new RestClient(lab);
            NamespaceHost h1 = lab.network().host("h1");
            NamespaceHost h2 = lab.network().host("h2");

            assertThat(h1.exec("ping", "-c", "2", "-W", "2", "10.0.0.2").ok()).as("ping h1 -> h2 is allowed").isTrue();
            assertThat(tcp(h1, h2, 5202)).as("TCP h1 -> h2:5202 is allowed").isTrue();
            assertThat(tcp(h1, h2, 5201)).as("TCP h1 -> h2:5201 is denied").isFalse();
            // The userspace datapath hands an entry's counters to OpenFlow lazily (at its next revalidation).
            String drop = SystemTests.until("the deny rule's entry counts the SYNs it dropped", () -> AppLabs.flows(lab, "s1")
                    .lines().filter(l -> l.contains("priority=40201")).findFirst().orElse(""),
                    entry -> !entry.isEmpty() && !entry.contains("n_packets=0,"));
            assertThat(drop).as("the deny rule's entry").contains("tcp,nw_dst=10.0.0.2,tp_dst=5201 actions=drop");

            RestClient.Answer added = rest.post("/api/acl/rules", "{\"action\": \"deny\", \"ip_proto\": \"icmp\", \"ipv4_dst\": \"10.0.0.3\"}");
            assertThat(added.status()).isEqualTo(201);
            assertThat(h1.exec("ping", "-c", "2", "-W", "1", "10.0.0.3").ok()).as("ping h1 -> h3 after the REST deny").isFalse();
            assertThat(h1.exec("ping", "-c", "1", "-W", "2", "10.0.0.2").ok()).as("ping h1 -> h2 still passes").isTrue();

            assertThat(rest.delete("/api/acl/rules/" + added.json().get("id").asInt()).status()).isEqualTo(200);
            assertThat(h1.exec("ping", "-c", "2", "-W", "2", "10.0.0.3").ok()).as("ping h1 -> h3 once the rule is deleted").isTrue();
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    /** Whether a TCP connection from {@code client} to {@code server}'s port completes (an iperf3 test of one second). */
    private static boolean tcp(NamespaceHost client, NamespaceHost server, int port) {
        try (HostProcess listener = server.popen("iperf3", "-s", "-1", "-p", String.valueOf(port))) {
            SystemTests.until("iperf3 listens on " + port, () -> server.exec("ss", "-ltn").stdout().contains(":" + port));
            ExecResult run = client.exec(Duration.ofSeconds(20), "iperf3", "-c", server.ip(), "-p", String.valueOf(port),
                    "-t", "1", "--connect-timeout", "2000");
            return run.ok();
        }
    }
}
