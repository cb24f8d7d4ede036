package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.Ethernet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ordered rule set: which rule decides a packet, and which rules need flow entries. Readers
 * (packet-ins on every switch's thread) see an immutable snapshot; changes replace it.
 */
final class AclPolicy {
    /** A rule with its match parsed once. */
    private record Entry(AclRule rule, RuleMatch match) {
    }

    /** Highest flow priority first (so a deny before an allow of equal priority), then oldest first. */
    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> e.rule().flowPriority())
            .reversed().thenComparingInt(e -> e.rule().id());

    private volatile List<Entry> entries = List.of();
    private int lastId;

    /** Adds a rule under the next id and returns it with that id. */
    synchronized AclRule add(AclRule rule) {
        AclRule withId = rule.withId(++lastId);
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(withId, withId.match()));
        next.sort(ORDER);
        entries = List.copyOf(next);
        return withId;
    }

    /** Removes a rule; empty when there is no rule with this id. */
    synchronized Optional<AclRule> remove(int id) {
        Optional<AclRule> found = entries.stream().map(Entry::rule).filter(r -> r.id() == id).findFirst();
        found.ifPresent(r -> entries = entries.stream().filter(e -> e.rule().id() != id).toList());
        return found;
    }

    /** The rules in the order they are evaluated. */
    List<AclRule> rules() {
        return entries.stream().map(Entry::rule).toList();
    }

    /** The rule that decides this packet: the first match in evaluation order; empty when none matches. */
    Optional<AclRule> decide(Ethernet frame) {
        for (Entry e : entries) {
            if (e.match().matches(frame)) {
                return Optional.of(e.rule());
            }
        }
        return Optional.empty();
    }

    /** The rules that need flow entries: every deny, and every allow that overrides a lower deny it overlaps. */
    List<AclRule> installed() {
        List<Entry> ordered = entries;
        List<AclRule> result = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Entry e = ordered.get(i);
            if (e.rule().action() == AclRule.Action.DENY || overridesDeny(e, ordered.subList(i + 1, ordered.size()))) {
                result.add(e.rule());
            }
        }
        return result;
    }

    private static boolean overridesDeny(Entry allow, List<Entry> lower) {
        return lower.stream().anyMatch(e -> e.rule().action() == AclRule.Action.DENY
                && e.rule().flowPriority() < allow.rule().flowPriority() && allow.match().overlaps(e.match()));
    }
}
