package dev.flowlab.cli;

import dev.flowlab.cluster.ClusterSpec;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --cluster}, {@code --member}, {@code --cluster-dir} and {@code --election-timeout}: this
 * controller as one member of a cluster of flowlab controllers. A picocli mixin.
 */
public final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "ID@HOST:PORT,...",
            description = {"run as one member of this cluster of flowlab controllers (Raft on Apache Ratis): every member's"
                    + " id and Raft address, the same list on every member, e.g. 1@10.0.0.1:7001,2@10.0.0.2:7001,3@10.0.0.3:7001.",
                    "The members elect one master for every switch; point each switch at every member's OpenFlow address.",
                    "With --listen ssl: the members speak Raft over mutual TLS with the same --tls-key, --tls-cert and"
                    + " --tls-ca (every member must then listen ssl:)."})
    String members;

    @Option(names = "--member", paramLabel = "ID", description = "with --cluster: which member this controller is")
    String self;

    @Option(names = "--cluster-dir", paramLabel = "DIR",
            description = "with --cluster: this member's Raft log and snapshots, kept across its restarts so it catches up"
                    + " from its own log (default: a folder flowlab-cluster-PORT under the system's temp folder)")
    Path storage;

    @Option(names = "--election-timeout", paramLabel = "MS",
            description = "with --cluster: a member that hears no leader for MS to 2*MS milliseconds starts an election"
                    + " (default: 300, for a LAN)")
    Long electionTimeoutMillis;

    /** The cluster this controller joins; null without {@code --cluster}. One-line errors for a half-given set. */
    public ClusterSpec spec() {
        if (members == null) {
            if (self != null || storage != null || electionTimeoutMillis != null) {
                throw new IllegalArgumentException("--member, --cluster-dir and --election-timeout go with --cluster ID@HOST:PORT,...");
            }
            return null;
        }
        if (self == null) {
            throw new IllegalArgumentException("--cluster needs --member ID: which of " + members + " this controller is");
        }
        ClusterSpec spec = ClusterSpec.parse(members, self, Path.of("unused"));
        Path dir = storage != null ? storage
                : Path.of(System.getProperty("java.io.tmpdir"), "flowlab-cluster-" + spec.selfAddress().port());
        Duration timeout = electionTimeoutMillis == null ? ClusterSpec.LAN_ELECTION_TIMEOUT
                : Duration.ofMillis(electionTimeoutMillis);
        return new ClusterSpec(spec.members(), self, dir, timeout);
    }
}
