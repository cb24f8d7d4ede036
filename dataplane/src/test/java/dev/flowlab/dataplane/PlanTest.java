package dev.flowlab.dataplane;

import dev.flowlab.topologies.Topologies;
import dev.flowlab.topologies.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {
    @Test
    void hostEndsGoIntoTheirNamespacesAndSwitchEndsStayInTheRootTaggedWithTheGroup() {
        Topology t = Topology.builder().deterministicMacs().addSwitch("s1").addSwitch("s2").addHost("h1")
                .addLink("h1", "s1").addLink("s1", "s2").build();
        Plan plan = new Plan(t);

        assertThat(plan.namespaces()).containsExactly("h1");
        assertThat(plan.rootInterfaces()).containsExactly("s1-eth1", "s1-eth2", "s2-eth1");
        assertThat(plan.interfacesOf("h1")).extracting(Plan.End::ifname).containsExactly("h1-eth0");
        assertThat(plan.vethBatch(4242)).isEqualTo("""
                link add h1-eth0 address 00:00:00:00:00:01 netns h1 type veth peer name s1-eth1 group 4242
                link add s1-eth2 group 4242 type veth peer name s2-eth1 group 4242
                """);
    }

    @Test
    void rootNamesIncludeTheBridgesOwnPorts() {
        Plan plan = new Plan(Topologies.single(2));
        assertThat(plan.rootNames()).contains("s1", "s1-eth1", "s1-eth2").doesNotContain("h1-eth0");
        assertThat(plan.bridges()).containsExactly("s1");
    }

    @Test
    void aHostToHostLinkHasBothEndsInNamespaces() {
        Topology t = Topology.builder().addHost("h1").addHost("h2").addLink("h1", "h2").build();
        Plan plan = new Plan(t);
        assertThat(plan.rootInterfaces()).isEmpty();
        assertThat(plan.vethBatch(7)).contains("link add h1-eth0 netns h1 type veth peer name h2-eth0 netns h2");
    }
}
