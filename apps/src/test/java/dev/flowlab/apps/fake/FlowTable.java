package dev.flowlab.apps.fake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.action.OFActionOutput;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFPort;

/**
 * One OpenFlow table in memory (after Faucet's fakeoftable): applies flow-adds and deletes and
 * tells which entry a packet hits. Only what our apps use is modelled; anything else fails loudly
 * rather than being silently ignored.
 */
public final class FlowTable {
    private final List<OFFlowAdd> entries = new ArrayList<>();

    public void apply(OFFlowMod mod) {
        if (mod instanceof OFFlowAdd add) {
            entries.removeIf(e -> e.getPriority() == add.getPriority() && e.getMatch().equals(add.getMatch()));
            entries.add(add);
        } else if (mod instanceof OFFlowDelete delete) {
            entries.removeIf(e -> deletes(delete, e));
        } else {
            throw new UnsupportedOperationException("fake flow table does not model " + mod.getCommand());
        }
    }

    private static boolean deletes(OFFlowDelete delete, OFFlowAdd entry) {
        boolean cookie = entry.getCookie().applyMask(delete.getCookieMask()).equals(delete.getCookie().applyMask(delete.getCookieMask()));
        boolean port = delete.getOutPort().equals(OFPort.ANY) || outputs(entry).contains(delete.getOutPort());
        boolean match = fieldsOf(delete.getMatch()).stream().allMatch(f -> delete.getMatch().get(f).equals(entry.getMatch().get(f)));
        return cookie && port && match;
    }

    /** The highest-priority entry this packet hits. */
    public Optional<OFFlowAdd> lookup(Packet packet) {
        return entries.stream()
                .filter(e -> matches(e.getMatch(), packet))
                .max(Comparator.comparingInt(OFFlowAdd::getPriority));
    }

    public List<OFFlowAdd> entries() {
        return List.copyOf(entries);
    }

    private static boolean matches(Match match, Packet p) {
        for (MatchField<?> field : fieldsOf(match)) {
            Object value = match.get(field);
            Object actual = switch (field.id) {
                case IN_PORT -> p.inPort();
                case ETH_SRC -> p.ethernet().source();
                case ETH_DST -> p.ethernet().destination();
                case ETH_TYPE -> p.ethernet().etherType();
                default -> throw new UnsupportedOperationException("fake flow table cannot match on " + field.getName());
            };
            if (!value.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    private static List<MatchField<?>> fieldsOf(Match match) {
        List<MatchField<?>> fields = new ArrayList<>();
        match.getMatchFields().forEach(fields::add);
        for (MatchField<?> f : fields) {
            if (match.isPartiallyMasked(f)) {
                throw new UnsupportedOperationException("fake flow table does not model masked " + f.getName());
            }
        }
        return fields;
    }

    /** The output ports of an entry's apply-actions instruction. */
    public static List<OFPort> outputs(OFFlowAdd entry) {
        List<OFPort> ports = new ArrayList<>();
        for (OFInstruction instruction : entry.getInstructions()) {
            if (!(instruction instanceof OFInstructionApplyActions apply)) {
                throw new UnsupportedOperationException("fake flow table does not model " + instruction.getType());
            }
            for (OFAction action : apply.getActions()) {
                if (!(action instanceof OFActionOutput output)) {
                    throw new UnsupportedOperationException("fake flow table does not model " + action.getType());
                }
                ports.add(output.getPort());
            }
        }
        return ports;
    }
}
