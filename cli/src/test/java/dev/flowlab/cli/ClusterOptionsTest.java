package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code flowlab controller --cluster ...}: a mistake is one line naming it, before anything starts. */
class ClusterOptionsTest {

    @Test
    void aClusterMemberNeedsItsIdAndAWellFormedList() {
        assertOneLineError("flowlab: --cluster needs --member ID: which of 1@127.0.0.1:7001,2@127.0.0.1:7002 this controller is",
                "controller", "--cluster", "1@127.0.0.1:7001,2@127.0.0.1:7002");
        assertOneLineError("flowlab: cluster member '2@127.0.0.1' is not ID@HOST:PORT, like 1@127.0.0.1:7001",
                "controller", "--cluster", "1@127.0.0.1:7001,2@127.0.0.1", "--member", "1");
        assertOneLineError("flowlab: this member's id '4' is not in the cluster [1@127.0.0.1:7001]; give one of [1]",
                "controller", "--cluster", "1@127.0.0.1:7001", "--member", "4");
        assertOneLineError("flowlab: cluster member id 1 appears twice",
                "controller", "--cluster", "1@127.0.0.1:7001,1@127.0.0.1:7002", "--member", "1");
        assertOneLineError("flowlab: --member, --cluster-dir and --election-timeout go with --cluster ID@HOST:PORT,...",
                "controller", "--member", "1");
    }

    private static void assertOneLineError(String line, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute(args)).isNotZero();
        assertThat(err.toString().lines().toList()).containsExactly(line);
    }
}
