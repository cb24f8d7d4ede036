package dev.flowlab.dataplane;

import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clean-up after a run killed with SIGKILL, and its respect for runs of live processes. */
@SystemTest(CleanupTest.PREFIX)
class CleanupTest {
    static final String PREFIX = "dp3";

    final SystemTestNetwork sys = new SystemTestNetwork(PREFIX);

    @Test
    void removesEverythingOfARunKilledWithSigkill() throws Exception {
        Process child = startChild();
        String runId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            runId = awaitReady(out);
            assertThat(runId).as("child did not build its network").isNotNull();
            long sleeper = awaitProcessIn(PREFIX + "h1");

            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(Leftovers.namespaces(PREFIX)).hasSize(3);
            assertThat(Leftovers.bridges(PREFIX)).hasSize(3);
            assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive)).contains(true);

            CleanupReport report = Cleanup.sweep(false, name -> name.startsWith(PREFIX));

            assertThat(report.errors()).isEmpty();
            assertThat(report.removed()).contains("bridge " + PREFIX + "s1", "namespace " + PREFIX + "h3",
                    "veth " + PREFIX + "s2-eth1", "process " + sleeper);
            assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.exists(RunState.dir().resolve(runId + RunState.FILE_SUFFIX))).isFalse();
            sys.assertNothingLeft();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void sigtermTearsTheNetworkDownThroughTheShutdownHook() throws Exception {
        Process child = startChild();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String runId = awaitReady(out);
            assertThat(runId).as("child did not build its network").isNotNull();
            long sleeper = awaitProcessIn(PREFIX + "h1");

            child.destroy();  // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            sys.assertNothingLeft();
            assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Files.exists(RunState.dir().resolve(runId + RunState.FILE_SUFFIX))).isFalse();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void leavesARunOfALiveProcessAloneUnlessForced() {
        try (Network net = sys.start(Topologies.single(2))) {
            CleanupReport report = Cleanup.sweep(false, name -> name.startsWith(PREFIX));

            assertThat(report.kept()).anyMatch(k -> k.startsWith("run " + net.runId()));
            assertThat(report.removed()).noneMatch(r -> r.contains(PREFIX));
            assertThat(Leftovers.namespaces(PREFIX)).hasSize(2);
            assertThat(net.pingAll().dropped()).isZero();
        }
        sys.assertNothingLeft();
    }

    @Test
    void forcedCleanupRemovesALiveRunToo() {
        Network net = sys.start(Topologies.single(2));
        try {
            CleanupReport report = Cleanup.sweep(true, name -> name.startsWith(PREFIX));
            assertThat(report.removed()).contains("bridge " + PREFIX + "s1", "namespace " + PREFIX + "h1");
            sys.assertNothingLeft();
        } finally {
            net.close();  // finds nothing left of its own: no error
        }
    }

    private static Process startChild() throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledRunChild.class.getName(), PREFIX).redirectErrorStream(true).start();
    }

    /** The pid of the (single) process in the namespace, once `ip netns exec` has entered it. */
    private static long awaitProcessIn(String namespace) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Long> inode = List.of(NamespaceProcesses.inode(namespace));
        while (System.nanoTime() < deadline) {
            List<Long> pids = NamespaceProcesses.pidsIn(inode);
            if (!pids.isEmpty()) {
                return pids.get(0);
            }
        }
        throw new AssertionError("no process appeared in " + namespace);
    }

    private static String awaitReady(BufferedReader out) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring(6).strip();
            }
        }
        return null;
    }
}
