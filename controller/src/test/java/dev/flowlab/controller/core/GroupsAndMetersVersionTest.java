package dev.flowlab.controller.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.Groups;
import dev.flowlab.controller.api.Meters;
import dev.flowlab.controller.api.Switch;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFBarrierReply;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFGroupType;
import org.projectfloodlight.openflow.protocol.OFMeterFlags;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFPortDesc;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFPort;

/** A switch of a version without groups or meters is refused at once, with nothing sent to it. */
class GroupsAndMetersVersionTest {

    /** A connected switch of one OpenFlow version that records what is sent to it. */
    private record VersionedSwitch(OFFactory factory, List<OFMessage> sent) implements Switch {
        VersionedSwitch(OFVersion version) {
            this(OFFactories.getFactory(version), new CopyOnWriteArrayList<>());
        }

        @Override
        public DatapathId id() {
            return DatapathId.of(1);
        }

        @Override
        public List<OFPortDesc> ports() {
            return List.of();
        }

        @Override
        public Optional<OFPortDesc> port(OFPort number) {
            return Optional.empty();
        }

        @Override
        public void send(OFMessage message) {
            sent.add(message);
        }

        @Override
        public CompletableFuture<OFBarrierReply> barrier() {
            return new CompletableFuture<>();
        }

        @Override
        public <R extends OFStatsReply> CompletableFuture<List<R>> request(OFStatsRequest<R> request) {
            sent.add(request);
            return new CompletableFuture<>();
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(0);
        }
    }

    private final GroupsAndMeters tables = new GroupsAndMeters();

    @Test
    void openFlow10HasNoGroupsAndNoMeters() {
        VersionedSwitch sw = new VersionedSwitch(OFVersion.OF_10);
        assertThatThrownBy(() -> tables.groups("app").add(sw, OFGroupType.ALL, List.of()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("groups need OpenFlow 1.1 to 1.4 here; this switch speaks OpenFlow 1.0");
        assertThatThrownBy(() -> tables.meters("app").add(sw, Set.of(OFMeterFlags.KBPS), List.of()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("meters need OpenFlow 1.3 or later; this switch speaks OpenFlow 1.0");
        assertThatThrownBy(() -> tables.groups("app").deleteAll(sw)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Groups.bucket(sw.factory())).isInstanceOf(UnsupportedOperationException.class);
        assertThat(sw.sent()).isEmpty();
    }

    @Test
    void openFlow12HasGroupsButNoMeters() {
        VersionedSwitch sw = new VersionedSwitch(OFVersion.OF_12);
        assertThatThrownBy(() -> Meters.drop(sw.factory(), 1000, 0))
                .hasMessage("meters need OpenFlow 1.3 or later; this switch speaks OpenFlow 1.2");
        tables.groups("app").add(sw, OFGroupType.ALL, List.of(Groups.bucket(sw.factory())));
        assertThat(sw.sent()).as("the group table is read first").hasSize(1);
    }

    @Test
    void openFlow15GroupsAreRefusedBecauseTheirBucketIdsCannotBeWritten() {
        VersionedSwitch sw = new VersionedSwitch(OFVersion.OF_15);
        assertThatThrownBy(() -> tables.groups("app").add(sw, OFGroupType.ALL, List.of()))
                .hasMessage("groups need OpenFlow 1.1 to 1.4 here; this switch speaks OpenFlow 1.5");
        assertThat(Meters.apply(sw.factory(), 3, sw.factory().actions().output(OFPort.of(1), 0)).toString())
                .contains("meterId=3");
        assertThat(sw.sent()).isEmpty();
    }
}
