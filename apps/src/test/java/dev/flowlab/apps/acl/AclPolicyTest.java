package dev.flowlab.apps.acl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.acl.AclRule.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rule set on its own: incremental changes agree with the rule's definition, a limit, lock-free readers. */
class AclPolicyTest {
    private static final String[] DSTS = {null, "10.0.0.0/8", "10.0.0.0/24", "10.0.0.2", "10.0.1.0/24", "10.0.1.7"};
    private static final String[] PROTOS = {null, "tcp", "udp", "icmp"};

    private static AclRule random(Random r) {
        return new AclRule(null, r.nextBoolean() ? Action.DENY : Action.ALLOW, 100 + r.nextInt(4) * 50, null, null, null,
                null, DSTS[r.nextInt(DSTS.length)], PROTOS[r.nextInt(PROTOS.length)], null, null, null, null, null);
    }

    /** The definition, computed from scratch: every deny, and every allow that overlaps a lower deny. */
    private static List<AclRule> mustBeInstalled(List<AclRule> ordered) {
        List<AclRule> result = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            AclRule rule = ordered.get(i);
            boolean overrides = ordered.subList(i + 1, ordered.size()).stream().anyMatch(lower ->
                    lower.action() == Action.DENY && lower.flowPriority() < rule.flowPriority()
                            && rule.match().overlaps(lower.match()));
            if (rule.action() == Action.DENY || overrides) {
                result.add(rule);
            }
        }
        return result;
    }

    @Test
    void incrementalChangesAgreeWithTheDefinitionAndSayWhatToSend() {
        Random r = new Random(42);
        AclPolicy policy = new AclPolicy(10_000);
        List<Integer> installedIds = new ArrayList<>();
        int lastId = 0;
        for (int step = 0; step < 2000; step++) {
            AclPolicy.Change change;
            if (policy.size() > 0 && r.nextInt(3) == 0) {
                List<AclRule> rules = policy.rules();
                change = policy.remove(rules.get(r.nextInt(rules.size())).id()).orElseThrow();
            } else {
                change = policy.add(random(r).withId(++lastId));
            }
            change.uninstall().forEach(id -> assertThat(installedIds.remove(id)).as("uninstalls only what was installed").isTrue());
            change.install().forEach(rule -> {
                assertThat(installedIds).as("installs only what was not").doesNotContain(rule.id());
                installedIds.add(rule.id());
            });

            List<AclRule> expected = mustBeInstalled(policy.rules());
            assertThat(policy.installed()).as("step %d", step).isEqualTo(expected);
            assertThat(installedIds).containsExactlyInAnyOrderElementsOf(expected.stream().map(AclRule::id).toList());
        }
    }

    @Test
    void pastItsLimitAnAddIsRefusedInOneLine() {
        AclPolicy policy = new AclPolicy(2);
        policy.add(random(new Random(1)).withId(1));
        policy.add(random(new Random(2)).withId(2));

        assertThatThrownBy(() -> policy.add(random(new Random(3)).withId(3))).isInstanceOf(IllegalStateException.class)
                .hasMessage("the acl holds its limit of 2 rules: delete one first, or raise max_rules in the acl config file");
        assertThat(policy.size()).isEqualTo(2);
    }

    @Test
    void readersTakeNoLockAWriterHolds() throws Exception {
        AclPolicy policy = new AclPolicy(10);
        AclRule deny = policy.add(new AclRule(1, Action.DENY, null, null, null, null, null, "10.0.0.2", null, null, null,
                null, null, null)).rule();
        synchronized (policy) {   // a writer in the middle of a change
            CompletableFuture<List<AclRule>> read = CompletableFuture.supplyAsync(
                    () -> List.of(policy.installed().get(0), policy.rules().get(0)));
            assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(deny, deny);
        }
    }
}
