package dev.flowlab.cluster;

import dev.flowlab.controller.openflow.TlsFiles;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** The Ratis properties of a member: where it listens and stores, its timeouts, its snapshots, its TLS. */
final class RaftSettings {
    /**
     * How the log is kept short: a snapshot every {@code snapshotEvery} entries, and log segments of at
     * most {@code segmentBytes}, so closed segments before a snapshot can be purged; a member that was
     * down for long then gets the snapshot instead of the entries.
     */
    record Compaction(long snapshotEvery, long segmentBytes) {
        /** The configuration store is small: a 1000-entry log fits in far less than a megabyte. */
        static final Compaction DEFAULT = new Compaction(1000, 1 << 20);
    }

    private RaftSettings() {
    }

    static RaftProperties properties(ClusterSpec spec, Compaction compaction) {
        RaftProperties p = new RaftProperties();
        MemberAddress self = spec.selfAddress();
        GrpcConfigKeys.Server.setHost(p, self.host());
        GrpcConfigKeys.Server.setPort(p, self.port());
        RaftServerConfigKeys.setStorageDir(p, List.of(spec.storage().toFile()));
        TimeDuration min = millis(spec.electionTimeout().toMillis());
        TimeDuration max = millis(2 * spec.electionTimeout().toMillis());
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, max);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, max);
        // A leader cut off from the majority for this long steps down (then turns SLAVE): the election timeout.
        RaftServerConfigKeys.LeaderElection.setLeaderStepDownWaitTime(p, max);
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, compaction.snapshotEvery());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(compaction.segmentBytes()));
        RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf(Math.min(compaction.segmentBytes(), 1 << 20)));
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgeGap(p, 1);
        return p;
    }

    /**
     * With TLS files, every Raft connection of the member (server, its clients, leader-election
     * management) is mutual TLS: it shows its certificate and takes only peers whose certificate the CA
     * signed. Ratis' gRPC client also checks the peer's host name against its certificate.
     */
    static Parameters parameters(TlsFiles tls) {
        Parameters p = new Parameters();
        if (tls != null) {
            GrpcConfigKeys.TLS.setConf(p, new GrpcTlsConfig(tls.privateKey().toFile(), tls.certificate().toFile(),
                    tls.caCertificate().toFile(), true));
        }
        return p;
    }

    private static TimeDuration millis(long ms) {
        return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
    }
}
