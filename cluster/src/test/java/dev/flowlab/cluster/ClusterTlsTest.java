package dev.flowlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.openflow.ThrowawayPki;
import dev.flowlab.controller.openflow.TlsFiles;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raft between members over mutual TLS, three members in this JVM on loopback: members whose certificates
 * the run's CA signed elect a master and replicate; a member whose certificate another CA signed gets
 * nothing from them.
 */
class ClusterTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long a member that could talk to the leader would take to get a committed write: a few heartbeats. */
    private static final Duration REPLICATION_WINDOW = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    private final List<ClusterMember> running = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopAll() {
        running.forEach(ClusterMember::close);
    }

    @Test
    void membersWithTheCasCertificatesElectAndReplicateAndAStrangerGetsNothing() throws Exception {
        ThrowawayPki pki = ThrowawayPki.create(dir.resolve("pki"));
        ThrowawayPki other = ThrowawayPki.create(dir.resolve("other"));
        List<MemberAddress> members = List.of(new MemberAddress("1", "127.0.0.1", freePort()),
                new MemberAddress("2", "127.0.0.1", freePort()), new MemberAddress("3", "127.0.0.1", freePort()));
        ClusterMember one = start(members, "1", pki.memberFiles(1));
        ClusterMember two = start(members, "2", pki.memberFiles(2));
        ClusterMember stranger = start(members, "3", other.memberFiles(3));

        Poll.until("one master of members 1 and 2", WAIT, () -> one.role() == Role.MASTER ^ two.role() == Role.MASTER);
        ClusterMember master = one.role() == Role.MASTER ? one : two;
        ClusterMember follower = master == one ? two : one;
        master.store().put("router/config/current", "{\"v\":1}").get(10, TimeUnit.SECONDS);
        Poll.until("the follower has the write", WAIT,
                () -> follower.store().get("router/config/current").equals(Optional.of("{\"v\":1}")));

        long until = System.nanoTime() + REPLICATION_WINDOW.toNanos();
        while (System.nanoTime() < until) {
            assertThat(stranger.store().get("router/config/current")).as("what the stranger has").isEmpty();
            assertThat(stranger.leader()).as("the leader the stranger knows").isEmpty();
            Thread.sleep(100);
        }
        assertThat(stranger.role()).isEqualTo(Role.SLAVE);
    }

    private ClusterMember start(List<MemberAddress> members, String self, TlsFiles tls) {
        ClusterMember m = ClusterMember.start(new ClusterSpec(members, self, dir.resolve(self),
                ClusterSpec.LAN_ELECTION_TIMEOUT), tls);
        running.add(m);
        return m;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
