package dev.flowlab.controller.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowDeleteStrict;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFActionType;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionGroup;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import dev.flowlab.controller.api.Arp;
import dev.flowlab.controller.api.Ethernet;
import dev.flowlab.controller.api.Ipv4;
import dev.flowlab.controller.api.TransportPorts;
import org.projectfloodlight.openflow.types.ICMPv4Type;
import org.projectfloodlight.openflow.types.Masked;
import org.projectfloodlight.openflow.types.OFGroup;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.OFValueType;
import org.projectfloodlight.openflow.types.U64;

/**
 * One OpenFlow table in memory (after Faucet's fakeoftable): applies flow-adds and deletes and
 * tells which entry a packet hits. Only what our apps use is modelled; anything else fails loudly
 * rather than being silently ignored.
 */
public final class FlowTable {
    private static final java.util.Set<OFActionType> REWRITES = java.util.EnumSet.of(OFActionType.SET_FIELD,
            OFActionType.DEC_NW_TTL);

    private final List<OFFlowAdd> entries = new ArrayList<>();

    public void apply(OFFlowMod mod) {
        if (mod instanceof OFFlowAdd add) {
            entries.removeIf(e -> e.getPriority() == add.getPriority() && e.getMatch().equals(add.getMatch()));
            entries.add(add);
        } else if (mod instanceof OFFlowDelete delete) {
            entries.removeIf(e -> deletes(delete, e));
        } else if (mod instanceof OFFlowDeleteStrict strict) {   // exactly this match and priority, cookie under the mask
            entries.removeIf(e -> e.getPriority() == strict.getPriority() && e.getMatch().equals(strict.getMatch())
                    && e.getCookie().applyMask(strict.getCookieMask()).equals(strict.getCookie().applyMask(strict.getCookieMask())));
        } else {
            throw new UnsupportedOperationException("fake flow table does not model " + mod.getCommand());
        }
    }

    private static boolean deletes(OFFlowDelete delete, OFFlowAdd entry) {
        boolean cookie = entry.getCookie().applyMask(delete.getCookieMask()).equals(delete.getCookie().applyMask(delete.getCookieMask()));
        // as Open vSwitch: an out_port filter looks at the entry's own outputs, not into the groups it uses
        boolean port = delete.getOutPort().equals(OFPort.ANY) || outputs(entry, group -> List.of()).contains(delete.getOutPort());
        boolean match = fieldsOf(delete.getMatch()).stream().allMatch(f -> delete.getMatch().get(f).equals(entry.getMatch().get(f)));
        return cookie && port && match;
    }

    /** The highest-priority entry a frame entering on {@code inPort} hits. */
    public Optional<OFFlowAdd> lookup(OFPort inPort, byte[] frame) {
        Ethernet eth = Ethernet.of(frame);
        return entries.stream()
                .filter(e -> matches(e.getMatch(), inPort, eth))
                .max(Comparator.comparingInt(OFFlowAdd::getPriority));
    }

    public List<OFFlowAdd> entries() {
        return List.copyOf(entries);
    }

    /** The entries whose cookie is {@code cookie} under {@code mask}. */
    public List<OFFlowAdd> entries(U64 cookie, U64 mask) {
        return entries.stream().filter(e -> e.getCookie().applyMask(mask).equals(cookie.applyMask(mask))).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean matches(Match match, OFPort inPort, Ethernet eth) {
        for (MatchField<?> field : fieldsOf(match)) {
            OFValueType actual = valueIn(field, inPort, eth);
            if (actual == null) {
                return false;
            }
            if (match.isExact(field)) {
                if (!match.get(field).equals(actual)) {
                    return false;
                }
            } else {
                Masked<?> expected = match.getMasked(field);
                if (!expected.getValue().equals(actual.applyMask((OFValueType) expected.getMask()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The packet's value of a field; null when the packet lacks that header. */
    private static OFValueType<?> valueIn(MatchField<?> field, OFPort inPort, Ethernet eth) {
        return switch (field.id) {
            case IN_PORT -> inPort;
            case ETH_SRC -> eth.source();
            case ETH_DST -> eth.destination();
            case ETH_TYPE -> eth.etherType();
            case IPV4_SRC -> eth.ipv4().map(Ipv4::source).orElse(null);
            case IPV4_DST -> eth.ipv4().map(Ipv4::destination).orElse(null);
            case IP_PROTO -> eth.ipv4().map(Ipv4::protocol).orElse(null);
            case TCP_SRC -> eth.tcp().map(TransportPorts::source).orElse(null);
            case TCP_DST -> eth.tcp().map(TransportPorts::destination).orElse(null);
            case UDP_SRC -> eth.udp().map(TransportPorts::source).orElse(null);
            case UDP_DST -> eth.udp().map(TransportPorts::destination).orElse(null);
            case ARP_OP -> eth.arp().map(Arp::opcode).orElse(null);
            case ARP_SPA -> eth.arp().map(Arp::senderIp).orElse(null);
            case ARP_TPA -> eth.arp().map(Arp::targetIp).orElse(null);
            case ICMPV4_TYPE -> eth.icmp().map(i -> ICMPv4Type.of((short) i.type())).orElse(null);
            default -> throw new UnsupportedOperationException("fake flow table cannot match on " + field.getName());
        };
    }

    private static List<MatchField<?>> fieldsOf(Match match) {
        List<MatchField<?>> fields = new ArrayList<>();
        match.getMatchFields().forEach(fields::add);
        return fields;
    }

    /** The output ports of an entry's apply-actions instruction (which must not send to a group). */
    public static List<OFPort> outputs(OFFlowAdd entry) {
        return outputs(entry, group -> {
            throw new UnsupportedOperationException("fake flow table does not model groups; ask the FakeSwitch");
        });
    }

    /** The output ports of an entry's apply-actions instruction, with {@code groups} telling where a group sends. */
    public static List<OFPort> outputs(OFFlowAdd entry, java.util.function.Function<OFGroup, List<OFPort>> groups) {
        List<OFPort> ports = new ArrayList<>();
        for (OFInstruction instruction : entry.getInstructions()) {
            if (!(instruction instanceof OFInstructionApplyActions apply)) {
                throw new UnsupportedOperationException("fake flow table does not model " + instruction.getType());
            }
            for (OFAction action : apply.getActions()) {
                if (action instanceof OFActionOutput output) {
                    ports.add(output.getPort());
                } else if (action instanceof OFActionGroup group) {
                    ports.addAll(groups.apply(group.getGroup()));
                } else if (!REWRITES.contains(action.getType())) {   // rewrites do not change where it goes
                    throw new UnsupportedOperationException("fake flow table does not model " + action.getType());
                }
            }
        }
        return ports;
    }
}
