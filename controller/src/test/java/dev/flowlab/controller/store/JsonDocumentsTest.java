package dev.flowlab.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.api.Documents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDocumentsTest {
    record Rule(String action, Integer tcpDst) {
    }

    private final MemoryConfigStore store = new MemoryConfigStore();
    private final Documents<Rule> rules = new JsonDocuments<>(store, "acl/rules/", Rule.class);

    @Test
    void documentsAreStoredAsSnakeCaseJsonAndReadBackTyped() {
        long first = rules.add(new Rule("deny", 5001)).join();
        assertThat(first).isEqualTo(1);
        assertThat(store.get("acl/rules/1")).hasValue("{\"action\":\"deny\",\"tcp_dst\":5001}");
        assertThat(rules.all()).containsEntry("1", new Rule("deny", 5001));
    }

    @Test
    void listenersHearEachChangeInOrderBeforeTheWriteCompletes() {
        List<String> heard = new ArrayList<>();
        rules.listen((name, rule) -> heard.add(name + "=" + (rule == null ? "removed" : rule.action())));
        rules.seed(List.of(new Rule("allow", null), new Rule("deny", 80))).join();
        boolean removed = rules.remove("1").join();
        assertThat(removed).isTrue();
        assertThat(heard).containsExactly("1=allow", "2=deny", "1=removed");
        assertThat(rules.seed(List.of(new Rule("deny", 1))).join()).as("seeded once").isFalse();
        assertThat(rules.add(new Rule("deny", 22)).join()).as("numbers go on after the seed").isEqualTo(3);
    }

    @Test
    void aNewListenerFirstHearsWhatIsThere() {
        rules.add(new Rule("deny", 1)).join();
        List<String> heard = new ArrayList<>();
        rules.listen((name, rule) -> heard.add(name + "=" + rule.tcpDst()));
        rules.add(new Rule("deny", 2)).join();
        assertThat(heard).containsExactly("1=1", "2=2");
    }

    @Test
    void otherPrefixesAreNotHeard() {
        List<String> heard = new ArrayList<>();
        rules.listen((name, rule) -> heard.add(name));
        new JsonDocuments<>(store, "acl/rulesets/", Rule.class).add(new Rule("deny", 1)).join();
        assertThat(heard).isEmpty();
    }
}
