package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flowlab.cli.Main;
import dev.flowlab.lab.system.SystemTests;
import dev.flowlab.testkit.Leftovers;
import dev.flowlab.testkit.SystemTest;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flowlab's dataplane under an external controller: os-ken (the maintained Ryu) running a learning
 * switch app with simple_switch_13's behaviour, reached with {@code --controller tcp:127.0.0.1:PORT}.
 */
@SystemTest(OskenInteropTest.PREFIX)
class OskenInteropTest {
    static final String PREFIX = "clo";
    private static final String PYTHON = "/usr/bin/python3";

    @BeforeAll
    static void rootOvsAndOsken() {
        assumeTrue(SystemTests.sh(PYTHON, "-c", "import os_ken").exitCode() == 0,
                "os-ken is not installed (Debian package python3-os-ken; ./flowlab test installs it)");
    }

    @Test
    void pingallThroughOskenHasNoLoss(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("oskenswitch.py");
        try (InputStream in = getClass().getResourceAsStream("/interop/oskenswitch.py")) {
            Files.copy(in, app, StandardCopyOption.REPLACE_EXISTING);
        }
        int port = SystemTests.freePort();
        Process osken = new ProcessBuilder(PYTHON, "-m", "os_ken.cmd.manager", "--ofp-listen-host", "127.0.0.1",
                "--ofp-tcp-listen-port", String.valueOf(port), app.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("osken.log").toFile()).start();
        try {
            awaitListening(port, osken, dir.resolve("osken.log"));
            int exit = Main.commandLine().execute("run", "--topo", "linear,2,2", "--prefix", PREFIX,
                    "--controller", "tcp:127.0.0.1:" + port, "--test", "pingall");
            assertThat(exit).as("flowlab run --test pingall under os-ken").isZero();
        } finally {
            osken.destroy();
            if (!osken.waitFor(10, TimeUnit.SECONDS)) {
                osken.destroyForcibly().waitFor();
            }
        }
        assertThat(Leftovers.named(PREFIX)).isEmpty();
    }

    private static void awaitListening(int port, Process osken, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!osken.isAlive()) {
                throw new IllegalStateException("os-ken exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("os-ken did not listen on " + port + " within 90 s: " + Files.readString(log));
    }
}
