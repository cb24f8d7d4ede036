package dev.flowlab.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which cluster a member belongs to and how it runs: every member's address (the same list on
 * every member), this member's id, where it keeps its Raft log and snapshots, and the election
 * timeout.
 *
 * @param members         every member, as {@code ID@HOST:PORT}
 * @param self            this member's id, one of {@code members}
 * @param storage         this member's Raft log and snapshots; kept across restarts of the member, so
 *                        it catches up from its own log; delete it with the run
 * @param electionTimeout a follower that hears no leader for a random time between this and twice
 *                        this starts an election ({@link #LAN_ELECTION_TIMEOUT} by default)
 */
public record ClusterSpec(List<MemberAddress> members, String self, Path storage, Duration electionTimeout) {
    /**
     * 300-600 ms: a LAN lab's heartbeats arrive in well under a millisecond, but two cores shared by
     * several JVMs, Open vSwitch and garbage collection stall a process for 100 ms and more now and
     * then; Ratis' own default (150-300 ms) then starts needless elections.
     */
    public static final Duration LAN_ELECTION_TIMEOUT = Duration.ofMillis(300);

    public ClusterSpec {
        members = List.copyOf(members);
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(electionTimeout, "electionTimeout");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one member: ID@HOST:PORT,...");
        }
        Set<String> ids = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (MemberAddress m : members) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("cluster member id " + m.id() + " appears twice");
            }
            if (!addresses.add(m.hostPort())) {
                throw new IllegalArgumentException("cluster members share the address " + m.hostPort());
            }
        }
        if (!ids.contains(self)) {
            throw new IllegalArgumentException("this member's id '" + self + "' is not in the cluster " + members
                    + "; give one of " + ids.stream().sorted().toList());
        }
        if (electionTimeout.toMillis() < 50) {
            throw new IllegalArgumentException("election timeout " + electionTimeout.toMillis() + " ms is below 50 ms");
        }
    }

    /** Reads {@code ID@HOST:PORT,ID@HOST:PORT,...} for member {@code self}, with the LAN election timeout. */
    public static ClusterSpec parse(String members, String self, Path storage) {
        List<MemberAddress> parsed = List.of(members.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(MemberAddress::parse).toList();
        return new ClusterSpec(parsed, self, storage, LAN_ELECTION_TIMEOUT);
    }

    /** This member's address. */
    public MemberAddress selfAddress() {
        return members.stream().filter(m -> m.id().equals(self)).findFirst().orElseThrow();
    }

    /** The same cluster with another election timeout. */
    public ClusterSpec withElectionTimeout(Duration timeout) {
        return new ClusterSpec(members, self, storage, timeout);
    }
}
