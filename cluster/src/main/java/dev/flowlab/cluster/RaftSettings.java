package dev.flowlab.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/** The Ratis properties of a member: where it listens and stores, its timeouts, its snapshots. */
final class RaftSettings {
    /** A snapshot every this many entries keeps the log (and a restarted member's replay) short. */
    static final long SNAPSHOT_EVERY = 1000;

    private RaftSettings() {
    }

    static RaftProperties properties(ClusterSpec spec) {
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
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, SNAPSHOT_EVERY);
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        return p;
    }

    private static TimeDuration millis(long ms) {
        return TimeDuration.valueOf(ms, TimeUnit.MILLISECONDS);
    }
}
