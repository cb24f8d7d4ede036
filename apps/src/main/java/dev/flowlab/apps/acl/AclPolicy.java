package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.Ethernet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered rule set: which rule decides a packet, and which rules need flow entries. Readers
 * (packet-ins on every switch's thread, a switch coming up) see an immutable {@link Snapshot} and
 * take no lock. Writers take this object's lock, which no reader takes, and change it in O(n): an
 * allow rule needs an entry while it overlaps some lower deny, so each allow keeps the count of
 * those, and a change only visits the rules it can affect.
 */
final class AclPolicy {
    /** A rule with its match parsed once. */
    private record Entry(AclRule rule, RuleMatch match) {
        boolean isDeny() {
            return rule.action() == AclRule.Action.DENY;
        }

        /** This allow overrides that lower deny: some packet matches both. */
        boolean overrides(Entry deny) {
            return !isDeny() && deny.isDeny() && rule.flowPriority() > deny.rule.flowPriority() && match.overlaps(deny.match);
        }
    }

    /**
     * What readers see.
     *
     * @param ordered   the rules in evaluation order
     * @param installed the rules that need flow entries: every deny, and every allow that overrides a lower deny
     */
    record Snapshot(List<Entry> ordered, List<AclRule> installed) {
        static final Snapshot EMPTY = new Snapshot(List.of(), List.of());
    }

    /**
     * What one add or remove does to the flow entries.
     *
     * @param rule      the rule added or removed
     * @param install   rules whose entries are now needed
     * @param uninstall ids of rules whose entries are no longer needed
     */
    record Change(AclRule rule, List<AclRule> install, List<Integer> uninstall) {
    }

    /** Highest flow priority first (so a deny before an allow of equal priority), then oldest first. */
    private static final Comparator<Entry> ORDER = Comparator.comparingInt((Entry e) -> e.rule().flowPriority())
            .reversed().thenComparingInt(e -> e.rule().id());

    private final int maxRules;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    /** Allow rule id -> how many lower deny rules it overlaps (installed while above 0). Guarded by this. */
    private final Map<Integer, Integer> lowerDenies = new HashMap<>();

    /** An empty rule set that holds at most {@code maxRules}. */
    AclPolicy(int maxRules) {
        this.maxRules = maxRules;
    }

    /** Why one more rule does not fit; empty while there is room. */
    Optional<String> checkRoom() {
        return snapshot.ordered().size() < maxRules ? Optional.empty() : Optional.of("the acl holds its limit of "
                + maxRules + " rules: delete one first, or raise max_rules in the acl config file");
    }

    /**
     * Adds a rule; its id (given by the configuration store, higher for later rules) orders it after
     * earlier rules of the same priority. A rule with the id of one already there replaces it.
     *
     * @throws IllegalStateException when the set already holds its limit
     */
    synchronized Change add(AclRule withId) {
        Objects.requireNonNull(withId.id(), "rule id");
        Optional<Change> replaced = remove(withId.id());
        if (replaced.isPresent()) {   // the store changed a rule in place: remove, then add the new one
            Change added = add(withId);
            return new Change(withId, added.install(), replaced.get().uninstall());
        }
        List<Entry> ordered = snapshot.ordered();
        String full = checkRoom().orElse(null);
        if (full != null) {
            throw new IllegalStateException(full);
        }
        Entry added = new Entry(withId, withId.match());
        List<AclRule> install = new ArrayList<>();
        if (added.isDeny()) {
            install.add(withId);
            for (Entry allow : ordered) {
                if (allow.overrides(added) && lowerDenies.merge(allow.rule().id(), 1, Integer::sum) == 1) {
                    install.add(allow.rule());
                }
            }
        } else {
            int count = (int) ordered.stream().filter(added::overrides).count();
            lowerDenies.put(withId.id(), count);
            if (count > 0) {
                install.add(withId);
            }
        }
        List<Entry> next = new ArrayList<>(ordered.size() + 1);
        next.addAll(ordered);
        next.add(-Collections.binarySearch(ordered, added, ORDER) - 1, added);
        publish(next);
        return new Change(withId, install, List.of());
    }

    /** Removes a rule; empty when there is no rule with this id. */
    synchronized Optional<Change> remove(int id) {
        List<Entry> ordered = snapshot.ordered();
        Entry removed = ordered.stream().filter(e -> e.rule().id() == id).findFirst().orElse(null);
        if (removed == null) {
            return Optional.empty();
        }
        List<Entry> next = new ArrayList<>(ordered.size());
        ordered.stream().filter(e -> e != removed).forEach(next::add);
        List<Integer> uninstall = new ArrayList<>();
        if (removed.isDeny()) {
            uninstall.add(id);
            for (Entry allow : next) {
                if (allow.overrides(removed) && lowerDenies.merge(allow.rule().id(), -1, Integer::sum) == 0) {
                    uninstall.add(allow.rule().id());
                }
            }
        } else if (lowerDenies.remove(id) > 0) {
            uninstall.add(id);
        }
        publish(next);
        return Optional.of(new Change(removed.rule(), List.of(), uninstall));
    }

    private void publish(List<Entry> ordered) {
        List<AclRule> installed = new ArrayList<>();
        for (Entry e : ordered) {
            if (e.isDeny() || lowerDenies.get(e.rule().id()) > 0) {
                installed.add(e.rule());
            }
        }
        snapshot = new Snapshot(List.copyOf(ordered), List.copyOf(installed));
    }

    /** What readers see now. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** The rules in the order they are evaluated. */
    List<AclRule> rules() {
        return snapshot.ordered().stream().map(Entry::rule).toList();
    }

    /** How many rules there are. */
    int size() {
        return snapshot.ordered().size();
    }

    /** The rule that decides this packet: the first match in evaluation order; empty when none matches. */
    Optional<AclRule> decide(Ethernet frame) {
        for (Entry e : snapshot.ordered()) {
            if (e.match().matches(frame)) {
                return Optional.of(e.rule());
            }
        }
        return Optional.empty();
    }

    /** The rules that need flow entries. */
    List<AclRule> installed() {
        return snapshot.installed();
    }
}
