package dev.flowlab.apps.acl;

import static dev.flowlab.apps.fake.Hosts.arpRequest;
import static dev.flowlab.apps.fake.Hosts.ping;
import static dev.flowlab.apps.fake.Segments.tcp;
import static dev.flowlab.apps.fake.Segments.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.acl.AclRule.Action;
import dev.flowlab.apps.fake.AppChain;
import dev.flowlab.apps.fake.AppSwitch;
import dev.flowlab.apps.fake.FakeContext;
import dev.flowlab.apps.fake.FakeRequest;
import dev.flowlab.apps.learningswitch.LearningSwitch;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.api.Verdict;
import dev.flowlab.controller.testing.FlowTable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.types.OFPort;

/** The acl app in front of the learning switch, on fake switches with h1, h2, h3 on ports 1, 2, 3. */
class AclTest {
    private final Acl acl = new Acl();
    private final AppChain chain = new AppChain(acl, new LearningSwitch());
    private final AppSwitch s1 = new AppSwitch(1, chain, 1, 2, 3);

    private static AclRule rule(Action action, Integer priority, String ipv4Dst, String ipProto, Integer tcpDst) {
        return new AclRule(null, action, priority, null, null, null, null, ipv4Dst, ipProto, null, tcpDst, null, null, null);
    }

    private FakeContext start(AclRule... rules) {
        FakeContext ctx = new FakeContext("acl", new AclConfig(null, List.of(rules)), s1.sw());
        acl.start(ctx);
        chain.onSwitchUp(s1.sw());
        return ctx;
    }

    @Test
    void aDenyRuleDropsItsTrafficEvenAfterTheLearningSwitchInstalledFlows() {
        start(rule(Action.DENY, null, "10.0.0.2", null, 80));
        s1.receive(2, arpRequest(2, 1));        // h2 announces itself: the learning switch knows port 2
        s1.receive(1, ping(1, 2));

        assertThat(s1.receive(1, tcp(1, 2, 80))).isEmpty();
        assertThat(s1.receive(1, tcp(1, 2, 22))).containsExactly(2);
        assertThat(s1.receive(1, udp(1, 2, 80))).containsExactly(2);
        assertThat(s1.receive(3, tcp(3, 2, 80))).isEmpty();
        assertThat(s1.receive(2, tcp(2, 1, 80))).containsExactly(1);   // only traffic to 10.0.0.2 is denied
    }

    @Test
    void anAllowAboveADenyCarvesAnExceptionThroughTheController() {
        start(rule(Action.DENY, 100, "10.0.0.2", null, null),
                rule(Action.ALLOW, 200, "10.0.0.2", "icmp", null));
        s1.receive(2, arpRequest(2, 1));

        assertThat(s1.receive(1, tcp(1, 2, 22))).isEmpty();
        int packetIns = s1.packetIns();
        assertThat(s1.receive(1, ping(1, 2))).containsExactly(2);
        assertThat(s1.receive(1, ping(1, 2))).containsExactly(2);
        assertThat(s1.packetIns()).isEqualTo(packetIns + 2);   // the allow entry sends its packets up
        assertThat(aclEntries()).extracting(e -> FlowTable.outputs(e)).containsExactlyInAnyOrder(
                List.of(OFPort.CONTROLLER), List.of());
    }

    @Test
    void anAllowThatOverridesNoDenyNeedsNoFlowAndAtEqualPriorityDenyWins() {
        start(rule(Action.ALLOW, 100, "10.0.0.3", null, null),
                rule(Action.ALLOW, 100, "10.0.0.2", null, null),
                rule(Action.DENY, 100, "10.0.0.2", null, null));
        assertThat(aclEntries()).hasSize(1);
        assertThat(FlowTable.outputs(aclEntries().get(0))).isEmpty();
        assertThat(s1.receive(1, ping(1, 2))).isEmpty();
        assertThat(s1.receive(1, ping(1, 3))).containsExactly(2, 3);
    }

    @Test
    void deniedPacketsThatReachTheControllerStopThere() {
        start(rule(Action.DENY, null, "10.0.0.2", null, null));
        AppSwitch aclAlone = new AppSwitch(2, acl, 1, 2, 3);
        assertThat(aclAlone.offer(1, ping(1, 2))).isEqualTo(Verdict.HANDLED);
        assertThat(aclAlone.offer(1, ping(1, 3))).isEqualTo(Verdict.CONTINUE);
    }

    @Test
    void switchUpReconcilesTheEntriesOfAnEarlierMasterWithoutWipingThem() throws Exception {
        AclRule kept = rule(Action.DENY, null, "10.0.0.2", null, null).withId(1);
        AclRule gone = rule(Action.DENY, null, "10.0.0.3", null, null).withId(2);
        AclRule reused = rule(Action.DENY, null, "10.0.0.4", null, null).withId(1);   // an earlier run's rule 1
        s1.sw().send(AclFlows.add(s1.sw().factory(), Flows.cookie("acl"), kept));
        s1.sw().send(AclFlows.add(s1.sw().factory(), Flows.cookie("acl"), gone));
        s1.sw().send(AclFlows.add(s1.sw().factory(), Flows.cookie("acl"), reused));

        start(rule(Action.DENY, null, "10.0.0.2", null, null));
        s1.sw().barrier().get(10, TimeUnit.SECONDS);   // the stats reply and the deletes after it were handled

        assertThat(s1.sent(OFFlowDelete.class)).as("no wipe: established traffic keeps its entries").isEmpty();
        assertThat(aclEntries()).hasSize(1);
        assertThat(aclEntries().get(0).getMatch()).isEqualTo(AclFlows.add(s1.sw().factory(), Flows.cookie("acl"), kept).getMatch());
        assertThat(aclEntries().get(0).getPriority()).isEqualTo(40000 + 2 * 100 + 1);
    }

    @Test
    void twoMembersOverOneStoreApplyTheSameRulesAndOnlyTheOneWithTheSwitchWritesIt() {
        FakeContext master = start();
        Acl otherAcl = new Acl();
        FakeContext slave = new FakeContext(master.store(), "acl", new AclConfig(null, List.of()));
        otherAcl.start(slave);

        answer(slave.call("POST", "/rules", FakeRequest.of(rule(Action.DENY, null, "10.0.0.2", "tcp", 80))));
        assertThat(otherAcl.rules()).hasSize(1);
        assertThat(acl.rules()).isEqualTo(otherAcl.rules());
        assertThat(s1.receive(1, tcp(1, 2, 80))).as("the master installed the rule a slave was given").isEmpty();
    }

    @Test
    void restAddsAndDeletesRulesOnEverySwitch() {
        AppSwitch s2 = new AppSwitch(2, chain, 1, 2, 3);
        FakeContext ctx = start();
        ctx.add(s2.sw());
        chain.onSwitchUp(s2.sw());

        Object created = answer(ctx.call("POST", "/rules", FakeRequest.of(rule(Action.DENY, null, "10.0.0.2", "tcp", 80))));
        AclRule added = (AclRule) ((RestResponse) created).body();
        assertThat(((RestResponse) created).status()).isEqualTo(201);
        assertThat(added.id()).isEqualTo(1);
        assertThat(s1.receive(1, tcp(1, 2, 80))).isEmpty();
        assertThat(s2.receive(1, tcp(1, 2, 80))).isEmpty();
        assertThat(ctx.call("GET", "/rules", FakeRequest.of(null))).isEqualTo(List.of(added));

        assertThat(answer(ctx.call("DELETE", "/rules/{id}", FakeRequest.param("id", "1")))).isEqualTo(Map.of("deleted", added));
        assertThat(s1.receive(1, tcp(1, 2, 80))).containsExactly(2, 3);
        assertThat(s2.receive(1, tcp(1, 2, 80))).containsExactly(2, 3);
        assertThatThrownBy(() -> answer(ctx.call("DELETE", "/rules/{id}", FakeRequest.param("id", "1"))))
                .isInstanceOf(RestException.class).hasMessage("there is no acl rule 1; GET /api/acl/rules lists them");
    }

    @Test
    void removingADenyAlsoRemovesTheAllowThatOverrodeIt() {
        FakeContext ctx = start(rule(Action.DENY, 100, "10.0.0.2", null, null),
                rule(Action.ALLOW, 200, "10.0.0.2", "icmp", null));
        assertThat(aclEntries()).hasSize(2);
        answer(ctx.call("DELETE", "/rules/{id}", FakeRequest.param("id", "1")));
        assertThat(aclEntries()).isEmpty();
        assertThat(acl.rules()).extracting(AclRule::action).containsExactly(Action.ALLOW);
    }

    @Test
    void pastMaxRulesARestAddIsAConflictAndAFileWithTooManyStopsStart() {
        FakeContext ctx = new FakeContext("acl", new AclConfig(1, List.of(rule(Action.DENY, null, "10.0.0.2", null, null))), s1.sw());
        acl.start(ctx);

        assertThatThrownBy(() -> answer(ctx.call("POST", "/rules", FakeRequest.of(rule(Action.DENY, null, "10.0.0.3", null, null)))))
                .isInstanceOf(RestException.class).hasMessage("the acl holds its limit of 1 rules: delete one first, or raise"
                        + " max_rules in the acl config file")
                .satisfies(e -> assertThat(((RestException) e).status()).isEqualTo(409));
        assertThat(acl.rules()).hasSize(1);

        FakeContext tooMany = new FakeContext("acl", new AclConfig(1, List.of(rule(Action.DENY, null, "10.0.0.2", null, null),
                rule(Action.DENY, null, "10.0.0.3", null, null))), s1.sw());
        assertThatThrownBy(() -> new Acl().start(tooMany))
                .hasMessage("acl: the config file has 2 rules, more than max_rules 1; raise max_rules or drop rules");
    }

    @Test
    void aSwitchComesUpWithTheRulesWhileAChangeHoldsTheRuleSet() throws Exception {
        start(rule(Action.DENY, null, "10.0.0.2", null, 80));
        AppSwitch s2 = new AppSwitch(2, chain, 1, 2, 3);
        synchronized (acl.policy()) {   // a REST change in the middle of its work
            CompletableFuture.runAsync(() -> chain.onSwitchUp(s2.sw())).get(10, TimeUnit.SECONDS);
        }
        assertThat(s2.receive(1, tcp(1, 2, 80))).isEmpty();
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> rule(Action.DENY, null, "10.0.0.300", null, null))
                .hasMessage("ipv4_dst: '10.0.0.300' is not an IPv4 address or prefix like 10.0.0.0/24");
        assertThatThrownBy(() -> rule(Action.DENY, null, null, "udp", 80))
                .hasMessage("ip_proto must be tcp for tcp_dst; it is 17");
        assertThatThrownBy(() -> rule(Action.DENY, 10000, null, null, null))
                .hasMessage("priority 10000 is out of range 0-9999");
        assertThatThrownBy(() -> rule(null, null, null, null, null)).hasMessage("action is missing: write allow or deny");
        assertThatThrownBy(() -> new AclRule(null, Action.DENY, null, "ipv6", null, null, "10.0.0.1", null, null, null,
                null, null, null, null)).hasMessageStartingWith("eth_type must be 0x0800 (ipv4)");
        FakeContext ctx = start();
        AclRule withId = rule(Action.DENY, null, "10.0.0.2", null, null).withId(5);
        assertThatThrownBy(() -> ctx.call("POST", "/rules", FakeRequest.of(withId)))
                .isInstanceOf(RestException.class).hasMessage("id: ids are assigned by the controller; leave it out");
    }

    /** What a REST handler answered, once it completed (as the REST server waits for it); its failure thrown as is. */
    private static Object answer(Object handled) {
        if (!(handled instanceof CompletableFuture<?> later)) {
            return handled;
        }
        try {
            return later.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private List<OFFlowAdd> aclEntries() {
        return s1.table().entries().stream()
                .filter(e -> e.getCookie().and(Flows.APP_COOKIE_MASK).equals(Flows.cookie("acl"))).toList();
    }
}
