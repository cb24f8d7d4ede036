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
                    .hasMessage("--listen '" + bad + "' is not HOST:PORT; for example 127.0.0.1:6653 or ssl:127.0.0.1:6653");
        }
    }

    /** How flowlab run starts its members: one whose stdin ends before "go" (the run died) never starts. */
    @Test
    void withAwaitGoNothingStartsWhenStdinEndsFirst() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "controller", "--await-go",
                "--listen", "127.0.0.1:0", "--rest", "off")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isEqualTo(1);
        assertThat(output.strip()).isEqualTo("flowlab controller: not started: the run that started it ended first");
    }

    @Test
    void sslListenNeedsAllThreeTlsFilesAndTcpNone() {
        assertThat(runController("--listen", "ssl:127.0.0.1:0", "--tls-key", "k.pem"))
                .isEqualTo("flowlab: --listen ssl:127.0.0.1:0 needs --tls-key, --tls-cert and --tls-ca"
                        + " (for example the files of ovs-pki's controllerca and a controller certificate)");
        assertThat(runController("--listen", "127.0.0.1:0", "--tls-ca", "ca.pem"))
                .isEqualTo("flowlab: --tls-key, --tls-cert and --tls-ca are for --listen ssl:HOST:PORT;"
                        + " --listen 127.0.0.1:0 is plain TCP");
        assertThat(runController("--listen", "ssl:127.0.0.1:0", "--tls-key", "/nonexistent/k.pem", "--tls-cert", "c.pem",
                "--tls-ca", "ca.pem")).isEqualTo("flowlab: TLS private key /nonexistent/k.pem does not exist or is not readable");
    }

    /** Runs {@code flowlab controller ARGS} that must fail; returns its one line of stderr. */
    private static String runController(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        String[] argv = new String[args.length + 1];
        argv[0] = "controller";
        System.arraycopy(args, 0, argv, 1, args.length);
        assertThat(cl.execute(argv)).isEqualTo(1);
        return err.toString().strip();
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
