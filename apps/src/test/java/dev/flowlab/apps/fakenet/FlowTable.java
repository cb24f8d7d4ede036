package dev.flowlab.apps.fakenet;

import dev.flowlab.controller.api.Ethernet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.projectfloodlight.openflow.protocol.OFFlowMod;
import org.projectfloodlight.openflow.protocol.OFFlowModCommand;
import org.projectfloodlight.openflow.protocol.action.OFAction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstruction;
import org.projectfloodlight.openflow.protocol.instruction.OFInstructionApplyActions;
import org.projectfloodlight.openflow.protocol.match.Match;
import org.projectfloodlight.openflow.protocol.match.MatchField;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * One OpenFlow table, as much of it as forwarding apps use: add (replacing an entry with the same
 * match and priority), non-strict delete by cookie and match, and lookup on in-port, Ethernet
 * addresses and EtherType. Any other match field fails the test loudly.
 */
public final class FlowTable {

    /** An installed entry. */
    public record Entry(int priority, Match match, U64 cookie, List<OFAction> actions) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void apply(OFFlowMod mod) {
        if (mod.getCommand() == OFFlowModCommand.ADD) {
            entries.removeIf(e -> e.priority() == mod.getPriority() && e.match().equals(mod.getMatch()));
            entries.add(new Entry(mod.getPriority(), mod.getMatch(), mod.getCookie(), actions(mod.getInstructions())));
        } else if (mod.getCommand() == OFFlowModCommand.DELETE) {
            U64 mask = mod.getCookieMask();
            entries.removeIf(e -> e.cookie().and(mask).equals(mod.getCookie().and(mask)) && covers(mod.getMatch(), e.match()));
        } else {
            throw new UnsupportedOperationException("fake flow table: " + mod.getCommand());
        }
    }

    /** Non-strict delete: every field the delete names must be in the entry with the same value. */
    private static boolean covers(Match delete, Match entry) {
        for (MatchField<?> f : delete.getMatchFields()) {
            if (!delete.get(f).equals(entry.get(f))) {
                return false;
            }
        }
        return true;
    }

    private static List<OFAction> actions(List<OFInstruction> instructions) {
        List<OFAction> actions = new ArrayList<>();
        for (OFInstruction i : instructions) {
            if (i instanceof OFInstructionApplyActions apply) {
                actions.addAll(apply.getActions());
            } else {
                throw new UnsupportedOperationException("fake flow table: instruction " + i.getType());
            }
        }
        return actions;
    }

    /** The highest-priority entry matching a frame that came in on {@code inPort}. */
    Optional<Entry> lookup(OFPort inPort, byte[] frame) {
        Ethernet eth = Ethernet.of(frame);
        return entries.stream()
                .filter(e -> matches(e.match(), inPort, eth))
                .max(Comparator.comparingInt(Entry::priority));
    }

    private static boolean matches(Match m, OFPort inPort, Ethernet eth) {
        for (MatchField<?> f : m.getMatchFields()) {
            boolean ok = switch (f.id) {
                case IN_PORT -> m.get(MatchField.IN_PORT).equals(inPort);
                case ETH_SRC -> m.get(MatchField.ETH_SRC).equals(eth.source());
                case ETH_DST -> m.get(MatchField.ETH_DST).equals(eth.destination());
                case ETH_TYPE -> m.get(MatchField.ETH_TYPE).equals(eth.etherType());
                default -> throw new UnsupportedOperationException("fake flow table: match on " + f.id);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Entries with this cookie (under {@code mask}). */
    public List<Entry> withCookie(U64 cookie, U64 mask) {
        return entries.stream().filter(e -> e.cookie().and(mask).equals(cookie.and(mask))).toList();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

}
