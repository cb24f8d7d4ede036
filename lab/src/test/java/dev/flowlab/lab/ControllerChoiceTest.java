package dev.flowlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerChoiceTest {
    @Test
    void parsesTheThreeForms() {
        assertThat(ControllerChoice.parse("embedded")).isEqualTo(ControllerChoice.EMBEDDED);
        assertThat(ControllerChoice.parse("none")).isEqualTo(ControllerChoice.NONE);
        ControllerChoice tcp = ControllerChoice.parse("tcp:127.0.0.1:6653");
        assertThat(tcp.kind()).isEqualTo(ControllerChoice.Kind.EXTERNAL);
        assertThat(tcp.target()).isEqualTo("tcp:127.0.0.1:6653");
    }

    @Test
    void anythingElseIsAOneLineError() {
        for (String bad : new String[] {"ryu", "tcp:127.0.0.1", "tcp:host:70000", "6653"}) {
            assertThatThrownBy(() -> ControllerChoice.parse(bad))
                    .hasMessage("--controller '" + bad + "' is not understood: use embedded, none, or tcp:HOST:PORT (e.g. tcp:127.0.0.1:6653)");
        }
    }
}
