package dev.flowlab.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code flowlab clean} says what it did; without root it is a one-line error. */
class CleanCommandTest {
    @Test
    void reportsWhatItRemovedOrWhyItCannot() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));

        int exit = cl.execute("clean");

        if ("root".equals(System.getProperty("user.name"))) {
            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("flowlab clean: ");
        } else {
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo(
                    "flowlab: not running as root: namespaces, veths and Open vSwitch need root (run with sudo)");
        }
    }

    @Test
    void helpExplainsThatOnlyFlowlabsOwnThingsAreRemoved() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));

        assertThat(cl.execute("clean", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--force").contains("runs of live flowlab processes are kept");
    }
}
