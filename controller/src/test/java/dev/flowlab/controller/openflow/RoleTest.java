package dev.flowlab.controller.openflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.Poll;
import dev.flowlab.controller.api.Role;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.core.SwitchRegistry;
import dev.flowlab.controller.role.RoleClaim;
import dev.flowlab.controller.testing.LogCapture;
import dev.flowlab.controller.testing.PeerRoles;
import dev.flowlab.controller.testing.RawPeer;
import dev.flowlab.controller.testing.RecordingApp;
import dev.flowlab.controller.testing.SettableMastership;
import dev.flowlab.controller.testing.SwitchPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.projectfloodlight.openflow.protocol.OFControllerRole;
import org.projectfloodlight.openflow.protocol.OFControllerRoleReason;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFeaturesRequest;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFBarrierRequest;
import org.projectfloodlight.openflow.protocol.OFPortDescStatsRequest;
import org.projectfloodlight.openflow.protocol.OFRoleRequest;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.OFAuxId;
import org.projectfloodlight.openflow.types.U64;

/**
 * OpenFlow roles against the wire-level switch peer, which keeps roles as Open vSwitch does: claims
 * with generation ids, stale claims refused, a SLAVE's writes refused, a master demoted by a newer one.
 */
class RoleTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final DatapathId DPID = DatapathId.of(1);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private Controller controller(SettableMastership mastership, RecordingApp app) {
        Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).mastership(mastership).build(),
                List.of(app));
        open.add(c);
        return c;
    }

    private SwitchPeer peer(Controller c, PeerRoles roles) throws Exception {
        return peer(c, roles, OFVersion.OF_13);
    }

    private SwitchPeer peer(Controller c, PeerRoles roles, OFVersion version) throws Exception {
        SwitchPeer peer = SwitchPeer.connect(c.address(), 1, 1, 2).roles(roles).speaking(version).sayHello();
        open.add(peer);
        assertThat(c.awaitSwitches(List.of(DPID), WAIT)).isTrue();
        return peer;
    }

    private static Switch sw(Controller c) {
        return c.switchById(DPID).orElseThrow();
    }

    /**
     * A switch speaking {@code version} that answers a MASTER claim (generation 5) and, before or after that
     * answer but before the handshake's barrier reply, reports that another controller claimed MASTER
     * (generation 6, or 4 before).
     */
    private RawPeer demotedDuringHandshake(Controller c, OFVersion version, boolean statusAfterReply) throws Exception {
        OFFactory of = OFFactories.getFactory(version);
        RawPeer peer = RawPeer.connect(c.address());
        open.add(peer);
        peer.send(RawPeer.hello(version));
        OFFeaturesRequest features = peer.readUntil(OFFeaturesRequest.class, WAIT);
        peer.send(of.buildFeaturesReply().setXid(features.getXid()).setDatapathId(DPID).setNBuffers(0)
                .setNTables((short) 254).setAuxiliaryId(OFAuxId.MAIN).build());
        OFPortDescStatsRequest ports = peer.readUntil(OFPortDescStatsRequest.class, WAIT);
        peer.send(of.buildPortDescStatsReply().setXid(ports.getXid()).setEntries(List.of()).build());
        OFRoleRequest claim = peer.readUntil(OFRoleRequest.class, WAIT);
        if (!statusAfterReply) {
            sendSlaveStatus(peer, of, 4);
        }
        peer.send(of.buildRoleReply().setXid(claim.getXid()).setRole(OFControllerRole.ROLE_MASTER)
                .setGenerationId(U64.of(5)).build());
        if (statusAfterReply) {
            sendSlaveStatus(peer, of, 6);
        }
        OFBarrierRequest barrier = peer.readUntil(OFBarrierRequest.class, WAIT);
        peer.send(of.buildBarrierReply().setXid(barrier.getXid()).build());
        assertThat(c.awaitSwitches(List.of(DPID), WAIT)).isTrue();
        return peer;
    }

    /**
     * "We are SLAVE now, another controller claimed MASTER": OpenFlow 1.4's ROLE_STATUS, or on 1.3 Open vSwitch's
     * ONF experimenter message 1911 with the same body.
     */
    private static void sendSlaveStatus(RawPeer peer, OFFactory of, long generation) throws Exception {
        if (of.getVersion() == OFVersion.OF_13) {
            peer.sendRaw(java.nio.ByteBuffer.allocate(32).put((byte) 4).put((byte) 4).putShort((short) 32).putInt(77)
                    .putInt(0x4F4E4600).putInt(1911).putInt(3).put((byte) 0).put(new byte[3]).putLong(generation).array());
        } else {
            peer.send(of.buildRoleStatus().setRole(OFControllerRole.ROLE_SLAVE).setReason(OFControllerRoleReason.MASTER_REQUEST)
                    .setGenerationId(U64.of(generation)).build());
        }
    }

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_13", "OF_14"})
    void aRoleStatusThatComesDuringTheHandshakeIsTakenAfterIt(OFVersion version) throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.master(5));
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(mastership, app);

        demotedDuringHandshake(c, version, true);

        Poll.until("the switch's last word (SLAVE) taken", WAIT, () -> sw(c).role() == Role.SLAVE);
        Poll.until("the mastership told", WAIT,
                () -> mastership.events().stream().anyMatch(e -> e.startsWith("refused 1 ")));
        Poll.until("apps see the switch down", WAIT, () -> app.events().contains("down 1"));
    }

    @ParameterizedTest
    @EnumSource(value = OFVersion.class, names = {"OF_13", "OF_14"})
    void aRoleStatusOlderThanTheRoleReplyIsOutdatedByIt(OFVersion version) throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.master(5));
        Controller c = controller(mastership, new RecordingApp("app"));

        RawPeer peer = demotedDuringHandshake(c, version, false);

        // The echo is answered after whatever the handshake held was handled, on the same thread.
        peer.send(OFFactories.getFactory(version).buildEchoRequest().setXid(99).setData(new byte[0]).build());
        assertThat(peer.readUntil(org.projectfloodlight.openflow.protocol.OFEchoReply.class, WAIT)).isNotNull();
        assertThat(sw(c).role()).isEqualTo(Role.MASTER);
    }

    @Test
    void aMasterClaimIsSentOnConnectAndTheAppsSeeTheSwitchOnlyOnceConfirmed() throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.master(5));
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(mastership, app);
        PeerRoles roles = PeerRoles.likeOvs();
        SwitchPeer peer = peer(c, roles);

        OFRoleRequest request = peer.received(OFRoleRequest.class).get(0);
        assertThat(request.getRole()).isEqualTo(OFControllerRole.ROLE_MASTER);
        assertThat(request.getGenerationId().getValue()).isEqualTo(5);
        assertThat(roles.roleOf(peer)).isEqualTo(OFControllerRole.ROLE_MASTER);
        Poll.until("apps told", WAIT, () -> app.events().contains("up 1"));
        assertThat(app.events()).containsExactly("role 1 MASTER", "up 1");
        assertThat(sw(c).role()).isEqualTo(Role.MASTER);
        // The table-miss entry comes after the role reply: it is a write.
        int roleAt = peer.received().indexOf(request);
        assertThat(peer.received().stream().skip(roleAt).anyMatch(OFFlowAdd.class::isInstance)).isTrue();
        Poll.until("reconciliation hook", WAIT, () -> mastership.events().contains("master 1"));
    }

    @Test
    void aStaleGenerationIdIsRefusedAndTheControllerStaysSlaveWithoutWriting() throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.master(5));
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(mastership, app);
        PeerRoles roles = PeerRoles.likeOvs();
        roles.sawGeneration(9);   // another controller claimed with generation 9 before

        SwitchPeer peer = peer(c, roles);
        Poll.until("apps told the role", WAIT, () -> app.events().contains("role 1 SLAVE"));

        assertThat(sw(c).role()).isEqualTo(Role.SLAVE);
        assertThat(((SwitchConnection) sw(c)).roleRefusal()).hasValueSatisfying(why -> assertThat(why).contains("stale"));
        assertThat(mastership.events()).singleElement().asString().startsWith("refused 1 MASTER (generation 5)")
                .contains("OFPRRFC_STALE");
        assertThat(app.events()).containsExactly("role 1 SLAVE");
        assertThat(peer.received(OFFlowAdd.class)).isEmpty();   // not even the table-miss entry
        assertThat(c.switches()).hasSize(1);                    // connected, for reading
    }

    @Test
    void aSlaveNeverWrites() throws Exception {
        SettableMastership mastership = new SettableMastership("b", RoleClaim.slave(5));
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(mastership, app);
        SwitchPeer peer = peer(c, PeerRoles.likeOvs());
        Switch sw = sw(c);
        assertThat(sw.role()).isEqualTo(Role.SLAVE);
        assertThat(app.context().switches()).isEmpty();   // apps see only switches they may write to

        sw.send(flowAdd(sw));
        assertThatThrownBy(() -> sw.sendConfirmed(flowAdd(sw)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("SLAVE");
        sw.barrier().get(5, TimeUnit.SECONDS);   // reads and barriers still go out

        assertThat(peer.received(OFFlowAdd.class)).isEmpty();
        assertThat(app.events()).doesNotContain("up 1");
    }

    @Test
    void aFlowModTheSwitchRefusesWithIsSlaveIsSurfacedAndTheControllerBecomesSlave() throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.master(1));
        RecordingApp app = new RecordingApp("app");
        Controller a = controller(mastership, app);
        PeerRoles roles = PeerRoles.silent();
        SwitchPeer toA = peer(a, roles);
        Controller b = controller(new SettableMastership("b", RoleClaim.master(2)), new RecordingApp("b-app"));
        peer(b, roles);   // b takes the switch; this switch does not tell a
        Poll.until("b is master", WAIT, () -> roles.roleOf(toA) == OFControllerRole.ROLE_SLAVE);
        assertThat(sw(a).role()).isEqualTo(Role.MASTER);   // a does not know yet

        try (LogCapture log = LogCapture.of(SwitchRegistry.class)) {
            sw(a).send(flowAdd(sw(a)));

            Poll.until("a learns it is slave", WAIT, () -> app.events().contains("down 1"));
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("MASTER -> SLAVE").contains("IS_SLAVE"));
        }
        assertThat(app.events()).containsSubsequence("up 1", "role 1 SLAVE", "down 1");
        Poll.until("the mastership told", WAIT, () -> mastership.events().stream()
                .anyMatch(e -> e.startsWith("refused 1 MASTER") && e.contains("IS_SLAVE")));
    }

    @ParameterizedTest   // 1.3: Open vSwitch's ONF extension message; 1.4 and later: OFPT_ROLE_STATUS
    @EnumSource(value = OFVersion.class, names = {"OF_13", "OF_14", "OF_15"})
    void aMasterIsDemotedWhenAnotherControllerClaimsMasterWithANewerGeneration(OFVersion version) throws Exception {
        RecordingApp appA = new RecordingApp("a-app");
        Controller a = controller(new SettableMastership("a", RoleClaim.master(1)), appA);
        PeerRoles roles = PeerRoles.likeOvs();
        peer(a, roles, version);
        Poll.until("a master", WAIT, () -> appA.events().contains("up 1"));

        RecordingApp appB = new RecordingApp("b-app");
        Controller b = controller(new SettableMastership("b", RoleClaim.master(2)), appB);
        peer(b, roles, version);

        Poll.until("a demoted by the switch's role status", WAIT, () -> appA.events().contains("down 1"));
        assertThat(sw(a).role()).isEqualTo(Role.SLAVE);
        assertThat(((SwitchConnection) sw(a)).generationId()).isEqualTo(2);
        assertThat(appA.events()).containsExactly("role 1 MASTER", "up 1", "role 1 SLAVE", "down 1");
        assertThat(sw(b).role()).isEqualTo(Role.MASTER);
        Poll.until("b's apps told", WAIT, () -> appB.events().contains("up 1"));
        assertThat(appB.events()).containsExactly("role 1 MASTER", "up 1");
    }

    @Test
    void aSlaveThatIsToldToBecomeMasterClaimsItAndKeepsTheFlowTable() throws Exception {
        SettableMastership mastership = new SettableMastership("a", RoleClaim.slave(3));
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(mastership, app);
        SwitchPeer peer = peer(c, PeerRoles.likeOvs());
        assertThat(sw(c).role()).isEqualTo(Role.SLAVE);

        mastership.set(RoleClaim.master(4));

        Poll.until("apps told", WAIT, () -> app.events().contains("up 1"));
        assertThat(app.events()).containsExactly("role 1 SLAVE", "role 1 MASTER", "up 1");
        assertThat(peer.received(OFRoleRequest.class)).extracting(r -> r.getGenerationId().getValue()).containsExactly(3L, 4L);
        Poll.until("table-miss entry installed now", WAIT, () -> !peer.received(OFFlowAdd.class).isEmpty());
        assertThat(peer.received(OFFlowDelete.class)).isEmpty();   // nothing wiped
        Poll.until("reconciliation hook", WAIT, () -> mastership.events().contains("master 1"));
    }

    @Test
    void anOpenFlow10SwitchGetsNoRoleRequestAndASlaveMemberStillNeverWritesToIt() throws Exception {
        RecordingApp app = new RecordingApp("app");
        Controller c = controller(new SettableMastership("b", RoleClaim.slave(5)), app);
        try (LogCapture log = LogCapture.of(Handshake.class)) {
            SwitchPeer peer = SwitchPeer.connect(c.address(), 1, 1, 2).speaking(org.projectfloodlight.openflow.protocol.OFVersion.OF_10)
                    .sayHello();
            open.add(peer);
            assertThat(c.awaitSwitches(List.of(DPID), WAIT)).isTrue();

            assertThat(sw(c).role()).isEqualTo(Role.SLAVE);
            assertThat(peer.received(OFRoleRequest.class)).isEmpty();
            assertThat(peer.received(OFFlowAdd.class)).isEmpty();
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).contains("no controller roles"));
        }
    }

    private static OFFlowAdd flowAdd(Switch sw) {
        return sw.factory().buildFlowAdd().setPriority(10).build();
    }

    @Test
    void aClaimThatChangesDuringTheHandshakeIsSentOnceTheSwitchIsUp() throws Exception {
        RecordingApp app = new RecordingApp("app");
        Controller c = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                .mastership(new LosesLeadershipAtFirstClaim()).build(), List.of(app));
        open.add(c);
        PeerRoles roles = PeerRoles.likeOvs();
        SwitchPeer peer = peer(c, roles);

        Poll.until("the later claim reaches the switch", WAIT, () -> roles.roleOf(peer) == OFControllerRole.ROLE_SLAVE);
        Poll.until("the controller holds it", WAIT, () -> sw(c).role() == Role.SLAVE);
        assertThat(peer.received(OFRoleRequest.class)).extracting(OFRoleRequest::getRole)
                .containsExactly(OFControllerRole.ROLE_MASTER, OFControllerRole.ROLE_SLAVE);
    }

    /**
     * Claims MASTER once, then loses leadership before the switch answers: the change is announced while
     * the switch is still in its handshake, so no registered switch hears it.
     */
    private static final class LosesLeadershipAtFirstClaim implements dev.flowlab.controller.role.Mastership {
        private volatile RoleClaim claim = RoleClaim.master(5);
        private volatile Listener listener;

        @Override
        public void start(Listener listener) {
            this.listener = listener;
        }

        @Override
        public RoleClaim claim(DatapathId dpid) {
            RoleClaim now = claim;
            if (now.role() == Role.MASTER) {
                claim = RoleClaim.slave(6);
                listener.claimsChanged();
            }
            return now;
        }

        @Override
        public dev.flowlab.controller.role.ClusterView view() {
            return new SettableMastership("a", RoleClaim.EQUAL).view();
        }
    }
}
