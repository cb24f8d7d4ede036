package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Identity;
import dev.flowlab.topologies.Topology;
import dev.flowlab.topologies.TopologyFiles;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-host identity: own hostname, /etc/hosts naming every host, resolv.conf; the real /etc untouched; all removed. */
@SystemTest(HostIdentityTest.PREFIX)
class HostIdentityTest {
    static final String PREFIX = "lni";
    private static final Path EXAMPLE = Path.of("../topologies/examples/identity.yaml");

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void hostsHaveTheirOwnHostnameAndReachEachOtherByName() throws Exception {
        String realHosts = Files.readString(Path.of("/etc/hosts"));
        String realHostname = ProcessRunner.check("hostname").stdout();
        Topology t = TopologyFiles.read(EXAMPLE);
        try (Network net = sys.start(t)) {
            NamespaceHost h1 = net.host("h1");
            assertThat(h1.exec("hostname").stdout().strip()).isEqualTo("lnih1");
            assertThat(net.host("h3").exec("hostname").stdout().strip()).isEqualTo("lnih3");
            assertThat(ProcessRunner.check(Tools.path("nsenter"), "--uts=" + HostIdentity.utsFile("lnih2"), "hostname")
                    .stdout().strip()).as("the UTS namespace a user can enter").isEqualTo("lnih2");

            Reach.assertReaches(h1, "h2");            // the name in the topology file
            Reach.assertReaches(h1, "lnih3.lab");     // the namespace's name in the domain
            assertThat(h1.exec("getent", "hosts", "h2").stdout()).startsWith("10.0.0.2 ");
            assertThat(h1.exec("cat", "/etc/resolv.conf").stdout()).contains("nameserver 10.0.0.53", "search lab");
        }
        assertThat(Files.readString(Path.of("/etc/hosts"))).as("the real /etc/hosts").isEqualTo(realHosts);
        assertThat(ProcessRunner.check("hostname").stdout()).as("the machine's hostname").isEqualTo(realHostname);
        assertIdentityGone(List.of("lnih1", "lnih2", "lnih3"));
        sys.assertNothingLeft();
    }

    /** What {@code flowlab clean} does for each crashed run, applied to this test's run only (never a global sweep). */
    @Test
    void theRecordedStateOfAKilledRunIsEnoughToRemoveItsIdentities() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledIdentityRunChild.class.getName(), PREFIX).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String runId = out.lines().filter(l -> l.startsWith("READY ")).map(l -> l.substring(6).strip())
                    .findFirst().orElseThrow(() -> new AssertionError("child did not build its network"));
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(HostIdentity.utsFile("lnih1")).exists();
            assertThat(Files.readString(HostIdentity.ETC_NETNS.resolve("lnih2/hosts"))).contains("lnih1 h1");

            RunState state = RunState.load(RunState.dir().resolve(runId + RunState.FILE_SUFFIX));
            CleanupReport report = Teardown.run(state, Duration.ofSeconds(60));

            assertThat(report.errors()).isEmpty();
            assertThat(report.removed()).contains("UTS namespace lnih1", "directory /etc/netns/lnih2");
            assertIdentityGone(List.of("lnih1", "lnih2"));
            sys.assertNothingLeft();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void anEtcNetnsDirectoryOfSomeoneElseStopsTheBuildBeforeAnythingIsMade() throws Exception {
        Path foreign = HostIdentity.ETC_NETNS.resolve("lnih1");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("hosts"), "10.9.9.9 other\n");
        try {
            Topology named = Topology.builder().identity(Identity.HOSTNAMES).addSwitch("s1").addHost("h1")
                    .addLink("h1", "s1").build();
            assertThatThrownBy(() -> sys.start(named))
                    .isInstanceOf(DataplaneException.class)
                    .hasMessageStartingWith("/etc/netns/lnih1 already exists, so host lnih1 cannot get its own identity");
            assertThat(Leftovers.named(PREFIX)).as("nothing but the foreign directory").containsExactly("dir " + foreign);
            assertThat(Files.readString(foreign.resolve("hosts"))).isEqualTo("10.9.9.9 other\n");
        } finally {
            Files.deleteIfExists(foreign.resolve("hosts"));
            Files.deleteIfExists(foreign);
        }
    }

    private static void assertIdentityGone(List<String> hosts) {
        for (String h : hosts) {
            assertThat(HostIdentity.ETC_NETNS.resolve(h)).as("/etc/netns of " + h).doesNotExist();
            assertThat(HostIdentity.utsFile(h)).as("UTS namespace file of " + h).doesNotExist();
        }
    }
}
