package dev.flowlab.dataplane;

import dev.flowlab.topologies.LinkParams;
import dev.flowlab.topologies.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LinkShapingTest {
    @Test
    void bandwidthAloneIsAnHtbClass() {
        assertThat(LinkShaping.commands("s1-eth1", LinkParams.bandwidth(10))).containsExactly(
                "qdisc add dev s1-eth1 root handle 1: htb default 1",
                "class add dev s1-eth1 parent 1: classid 1:1 htb rate 10000kbit");
    }

    @Test
    void delayJitterLossAndQueueGoToNetemBelowHtb() {
        LinkParams p = new LinkParams(2.5, Duration.ofMillis(10), Duration.ofMillis(2), 1.0, 100);
        assertThat(LinkShaping.commands("h1-eth0", p)).containsExactly(
                "qdisc add dev h1-eth0 root handle 1: htb default 1",
                "class add dev h1-eth0 parent 1: classid 1:1 htb rate 2500kbit",
                "qdisc add dev h1-eth0 parent 1:1 handle 10: netem delay 10000us 2000us loss 1.0% limit 100");
    }

    @Test
    void queueLimitAloneIsAPfifo() {
        assertThat(LinkShaping.commands("s1-eth1", new LinkParams(null, null, null, null, 50)))
                .containsExactly("qdisc add dev s1-eth1 root handle 10: pfifo limit 50");
    }

    @Test
    void bothEndsAreShapedEachInItsNamespaceAndUnshapedLinksNotAtAll() {
        Topology t = Topology.builder().addSwitch("s1").addHost("h1").addHost("h2")
                .addLink("h1", "s1", LinkParams.bandwidth(1)).addLink("h2", "s1").build();
        Plan plan = new Plan(t);

        assertThat(LinkShaping.anyShaped(plan)).isTrue();
        assertThat(LinkShaping.needsNetem(plan)).isFalse();
        assertThat(LinkShaping.batches(plan)).containsOnlyKeys("h1", null);
        assertThat(LinkShaping.batches(plan).get(null)).contains("dev s1-eth1").doesNotContain("s1-eth2");
    }
}
