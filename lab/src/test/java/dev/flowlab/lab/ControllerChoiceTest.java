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
    void severalTargetsAreGivenToEveryBridge() {
        ControllerChoice two = ControllerChoice.parse("tcp:127.0.0.1:6653,tcp:10.0.0.9:6633");
        assertThat(two.kind()).isEqualTo(ControllerChoice.Kind.EXTERNAL);
        assertThat(two.targets()).containsExactly("tcp:127.0.0.1:6653", "tcp:10.0.0.9:6633");
        assertThatThrownBy(() -> ControllerChoice.parse("tcp:127.0.0.1:6653,tcp:127.0.0.1:6653"))
                .hasMessage("--controller 'tcp:127.0.0.1:6653,tcp:127.0.0.1:6653' names tcp:127.0.0.1:6653 twice");
    }

    @Test
    void processesAreCountedWithinReason() {
        assertThat(ControllerChoice.processes(3, java.util.List.of("flowlab", "controller")).toString())
                .isEqualTo("3 controller processes");
        assertThatThrownBy(() -> ControllerChoice.processes(0, java.util.List.of("flowlab")))
                .hasMessage("--controllers 0 is out of range: use 1 to 7");
    }

    @Test
    void anythingElseIsAOneLineError() {
        for (String bad : new String[] {"ryu", "tcp:127.0.0.1", "tcp:host:70000", "6653", "tcp:a:1,", "tcp:a:1,ryu"}) {
            assertThatThrownBy(() -> ControllerChoice.parse(bad))
                    .hasMessage("--controller '" + bad + "' is not understood: use embedded, none, or tcp:HOST:PORT"
                            + " (e.g. tcp:127.0.0.1:6653), several separated by commas");
        }
    }
}
