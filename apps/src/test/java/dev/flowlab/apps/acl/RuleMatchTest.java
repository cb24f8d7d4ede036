package dev.flowlab.apps.acl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.acl.AclRule.Action;
import dev.flowlab.controller.api.Ethernet;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IpProtocol;
import org.projectfloodlight.openflow.types.OFVlanVidMatch;

/** Rule matches as pure values: prerequisites, overlap, the OpenFlow match. */
class RuleMatchTest {
    private static RuleMatch match(String ethSrc, String ipv4Src, String ipv4Dst, String ipProto, Integer tcpDst) {
        return new AclRule(null, Action.DENY, null, null, ethSrc, null, ipv4Src, ipv4Dst, ipProto, null, tcpDst, null, null, null)
                .match();
    }

    @Test
    void aTransportPortImpliesItsProtocolAndIpv4() {
        Match m = match(null, null, null, null, 80).toMatch(OFFactories.getFactory(OFVersion.OF_13));
        assertThat(m.get(MatchField.ETH_TYPE)).isEqualTo(EthType.IPv4);
        assertThat(m.get(MatchField.IP_PROTO)).isEqualTo(IpProtocol.TCP);
        assertThat(m.get(MatchField.TCP_DST).getPort()).isEqualTo(80);
    }

    @Test
    void aVlanRuleMatchesFramesOfThatVlanOnlyAndMatchesVlanVidInOpenFlow() {
        RuleMatch vlan10 = RuleMatch.of(null, null, null, null, null, null, null, null, null, null, 10);

        assertThat(vlan10.matches(Ethernet.of(tagged(10)))).isTrue();
        assertThat(vlan10.matches(Ethernet.of(tagged(20)))).isFalse();
        assertThat(vlan10.toMatch(OFFactories.getFactory(OFVersion.OF_13)).get(MatchField.VLAN_VID))
                .isEqualTo(OFVlanVidMatch.ofVlan(10));
    }

    private static byte[] tagged(int vid) {
        byte[] f = new byte[60];
        f[12] = (byte) 0x81;
        f[14] = (byte) (vid >> 8);
        f[15] = (byte) vid;
        f[16] = 0x08;
        f[17] = 0x06;
        return f;
    }

    @Test
    void prefixesAreMaskedMatches() {
        Match m = match(null, "10.0.0.77/24", null, null, null).toMatch(OFFactories.getFactory(OFVersion.OF_13));
        assertThat(m.getMasked(MatchField.IPV4_SRC).toString()).isEqualTo("10.0.0.0/255.255.255.0");
    }

    @Test
    void overlapNeedsEveryCommonFieldToAgreeUnderBothMasks() {
        RuleMatch subnet = match(null, "10.0.0.0/24", null, null, null);
        assertThat(subnet.overlaps(match(null, "10.0.0.5", null, null, null))).isTrue();
        assertThat(subnet.overlaps(match(null, "10.0.1.5", null, null, null))).isFalse();
        assertThat(subnet.overlaps(match(null, "10.0.0.0/16", null, null, null))).isTrue();
        assertThat(subnet.overlaps(match(null, null, "10.0.0.9", null, null))).isTrue();   // different fields
        assertThat(match(null, null, null, "udp", null).overlaps(match(null, null, null, null, 80))).isFalse();
        assertThat(match("00:00:00:00:00:01", null, null, null, null).overlaps(match(null, null, null, "icmp", null)))
                .isTrue();
    }
}
