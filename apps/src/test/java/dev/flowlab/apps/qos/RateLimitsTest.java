package dev.flowlab.apps.qos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.api.HostInfo;
import dev.flowlab.controller.api.HostListener;
import dev.flowlab.controller.api.HostService;
import dev.flowlab.controller.api.Meters;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.projectfloodlight.openflow.protocol.OFFactories;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFVersion;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.DatapathId;
import org.projectfloodlight.openflow.types.EthType;
import org.projectfloodlight.openflow.types.IPv4Address;
import org.projectfloodlight.openflow.types.MacAddress;
import org.projectfloodlight.openflow.types.OFPort;

/** Which limit a forwarding app's entry falls under, and the config's one-line errors. */
class RateLimitsTest {
    private static final OFFactory OF = OFFactories.getFactory(OFVersion.OF_13);
    private static final MacAddress H1 = MacAddress.of(1);
    private static final MacAddress H2 = MacAddress.of(2);
    private static final MacAddress H3 = MacAddress.of(3);
    private final HostLimit byIp = new HostLimit(null, "10.0.0.1", 10.0, null);
    private final HostLimit byMac = new HostLimit("00:00:00:00:00:02", null, 2.0, 200L);
    private final RateLimits limits = new RateLimits(List.of(byIp, byMac));
    /** The controller saw h1 (MAC 1) use 10.0.0.1; h3 it saw with 10.0.0.3. */
    private final HostService hosts = new KnownHosts(List.of(
            new HostInfo(H1, Set.of(IPv4Address.of("10.0.0.1")), DatapathId.of(1), OFPort.of(1)),
            new HostInfo(H3, Set.of(IPv4Address.of("10.0.0.3")), DatapathId.of(1), OFPort.of(3))));

    @Test
    void anEntryForALimitedSourceFallsUnderItsLimitByMacOrByTheIpItsMacUses() {
        assertThat(limits.of(fromMac(H2), hosts)).isEqualTo(byMac);
        assertThat(limits.of(fromMac(H1), hosts)).as("h1 is limited by its IP").isEqualTo(byIp);
        assertThat(limits.of(fromMac(H3), hosts)).isNull();
        assertThat(limits.of(OF.buildMatch().setExact(MatchField.ETH_DST, H1).build(), hosts))
                .as("traffic to h1 is not h1's").isNull();
        assertThat(limits.of(OF.buildMatch().setExact(MatchField.ETH_TYPE, EthType.IPv4)
                .setExact(MatchField.IPV4_SRC, IPv4Address.of("10.0.0.1")).build(), hosts)).isEqualTo(byIp);
        assertThat(limits.of(OF.buildMatch().setMasked(MatchField.ETH_SRC, H2, MacAddress.of("ff:ff:ff:00:00:00")).build(),
                hosts)).as("a masked source is not one host").isNull();
    }

    @Test
    void anEntryThatAlreadyHasAMeterIsLeftAlone() {
        OFFlowAdd plain = OF.buildFlowAdd().setMatch(fromMac(H2)).setActions(List.of(OF.actions().output(OFPort.of(2), 0))).build();
        assertThat(RateLimits.metered(plain)).isFalse();
        assertThat(RateLimits.metered(plain.createBuilder().setInstructions(Meters.through(OF, 9, plain.getInstructions())).build()))
                .isTrue();
    }

    @Test
    void badLimitsAreOneLineErrors() {
        assertThatThrownBy(() -> new HostLimit(null, null, 10.0, null))
                .hasMessage("a limit names its host by mac or by ip (one of them), like {ip: 10.0.0.1, rate: 10}");
        assertThatThrownBy(() -> new HostLimit(null, "10.0.0.300", 10.0, null))
                .hasMessage("'10.0.0.300' is not an IPv4 address like 10.0.0.1");
        assertThatThrownBy(() -> new HostLimit("00:00:00:00:00:02", null, null, null))
                .hasMessage("the limit of 00:00:00:00:00:02 needs a rate above 0 in Mbit/s, like rate: 10");
        assertThatThrownBy(() -> new HostLimit(null, "10.0.0.1", -1.0, null))
                .hasMessage("the limit of 10.0.0.1 needs a rate above 0 in Mbit/s, like rate: 10, not -1.0");
        assertThatThrownBy(() -> new QosConfig(List.of(byIp, new HostLimit(null, "10.0.0.1", 5.0, null))))
                .hasMessage("host 10.0.0.1 has two limits; give it one");
        assertThat(byIp.rateKbps()).isEqualTo(10_000);
    }

    private static Match fromMac(MacAddress mac) {
        return OF.buildMatch().setExact(MatchField.IN_PORT, OFPort.of(1)).setExact(MatchField.ETH_SRC, mac)
                .setExact(MatchField.ETH_DST, MacAddress.of(9)).build();
    }

    /** Hosts the controller has seen, as a fixed list. */
    private record KnownHosts(List<HostInfo> all) implements HostService {
        @Override
        public Collection<HostInfo> hosts() {
            return all;
        }

        @Override
        public Optional<HostInfo> hostByMac(int vlan, MacAddress mac) {
            return all.stream().filter(h -> h.vlan() == vlan && h.mac().equals(mac)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByIp(int vlan, IPv4Address ip) {
            return all.stream().filter(h -> h.vlan() == vlan && h.ips().contains(ip)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByMac(MacAddress mac) {
            return all.stream().filter(h -> h.mac().equals(mac)).findFirst();
        }

        @Override
        public Optional<HostInfo> hostByIp(IPv4Address ip) {
            return all.stream().filter(h -> h.ips().contains(ip)).findFirst();
        }

        @Override
        public void addListener(HostListener listener) {
        }

        @Override
        public void removeListener(HostListener listener) {
        }
    }
}
