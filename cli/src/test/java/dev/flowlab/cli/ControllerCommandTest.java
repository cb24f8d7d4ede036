package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flowlab controller}: its arguments and its one-line errors. */
class ControllerCommandTest {

    @Test
    void listenTakesHostAndPortOrAPortAlone() {
        assertThat(ListenOption.parse("127.0.0.1:6653")).isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 6653));
        assertThat(ListenOption.parse("0.0.0.0:6633")).isEqualTo(InetSocketAddress.createUnresolved("0.0.0.0", 6633));
        assertThat(ListenOption.parse("6633")).isEqualTo(InetSocketAddress.createUnresolved("127.0.0.1", 6633));
        assertThat(ListenOption.parse("[::1]:6653")).isEqualTo(InetSocketAddress.createUnresolved("::1", 6653));
    }

    @Test
    void badListenValueSaysWhatIsExpected() {
        for (String bad : new String[] {"localhost", "127.0.0.1:", ":6653", "127.0.0.1:70000", "a:b"}) {
            assertThatThrownBy(() -> ListenOption.parse(bad))
                    .hasMessage("--listen '" + bad + "' is not HOST:PORT; for example 127.0.0.1:6653");
        }
    }

    @Test
    void unknownAppIsOneLineOnStderrAndExitCode1() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute("controller", "--apps", "learning-switch,foo", "--listen", "127.0.0.1:0");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("flowlab: unknown app 'foo'; known apps: ").contains("learning-switch")
                .endsWith(System.lineSeparator()).hasLineCount(1);
    }
}
