package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.Main;
import dev.flowlab.testkit.SystemTest;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.lab.system.SystemTests;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import picocli.CommandLine;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A controller killed with SIGKILL cannot remove its REST token file ({@code /run/flowlab/rest-PORT.token});
 * {@code flowlab clean} does, and leaves a live controller's alone; a controller that stops normally removes
 * its own.
 */
@SystemTest("rtc")
class RestTokenCleanSystemTest {
    private static final Pattern TOKEN_FILE = Pattern.compile("REST token: \\S+ \\(also in (\\S+),");

    @Test
    void cleanRemovesTheTokenFileOfAKilledControllerOnlyAndANormalStopRemovesItsOwn() throws Exception {
        try (FlowlabProcess killed = controller(); FlowlabProcess live = controller()) {
            Path killedFile = tokenFile(killed);
            Path liveFile = tokenFile(live);
            assertThat(killedFile).exists();
            assertThat(liveFile).exists();

            killed.process().destroyForcibly();
            killed.awaitExit(30);
            assertThat(killedFile).as("after SIGKILL, before clean").exists();

            assertThat(Main.commandLine().execute("clean")).isZero();

            assertThat(killedFile).as("the killed controller's token").doesNotExist();
            assertThat(ownerFile(killedFile)).doesNotExist();
            assertThat(liveFile).as("the live controller's token").exists();

            live.process().destroy();   // SIGTERM: a normal stop
            live.awaitExit(30);
            assertThat(liveFile).as("after a normal stop").doesNotExist();
            assertThat(ownerFile(liveFile)).doesNotExist();
        }
    }

    /**
     * Older flowlab versions wrote {@code rest-PORT.token} without an owner record. Before, clean left every such file;
     * now it removes one whose port nobody listens on, says so, and keeps one whose port is listened on (its
     * controller may still run), an owner-less file of another name, and anything that is not a regular file.
     */
    @Test
    void cleanRemovesAnOlderFlowlabsTokenFileWhosePortNobodyListensOnAndNothingElse() throws Exception {
        Path dir = RestConfig.DEFAULT_TOKEN_DIR;
        Files.createDirectories(dir);
        try (ServerSocket listened = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int unheard = SystemTests.freePort();
            Path abandoned = oldToken(dir.resolve(RestConfig.tokenFileName(unheard)));
            Path inUse = oldToken(dir.resolve(RestConfig.tokenFileName(listened.getLocalPort())));
            Path otherName = oldToken(dir.resolve("rest-" + unheard + ".token.bak"));
            Path notAFile = Files.createDirectories(dir.resolve(RestConfig.tokenFileName(SystemTests.freePort())));
            try {
                StringWriter out = new StringWriter();
                CommandLine clean = Main.commandLine();
                clean.setOut(new PrintWriter(out));
                assertThat(clean.execute("clean")).isZero();

                assertThat(abandoned).as("an older flowlab's token, nobody on its port").doesNotExist();
                assertThat(out.toString()).as("what clean says").contains("REST token file " + abandoned + " (an older flowlab's");
                assertThat(inUse).as("an older flowlab's token whose port is listened on").exists();
                assertThat(otherName).exists();
                assertThat(notAFile).isDirectory();
            } finally {
                for (Path p : List.of(abandoned, inUse, otherName, notAFile)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A token file as flowlab versions before the owner record wrote it: 0600, the token, nothing beside it. */
    private static Path oldToken(Path file) throws Exception {
        Files.writeString(file, "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdef\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static FlowlabProcess controller() throws Exception {
        return new FlowlabProcess("controller", "--listen", "127.0.0.1:0", "--rest", "127.0.0.1:0");
    }

    private static Path tokenFile(FlowlabProcess controller) throws Exception {
        Matcher m = TOKEN_FILE.matcher(controller.awaitLine(l -> l.startsWith("REST token: "), 60));
        assertThat(m.find()).isTrue();
        return Path.of(m.group(1));
    }

    private static Path ownerFile(Path tokenFile) {
        return tokenFile.resolveSibling(tokenFile.getFileName().toString().replace(".token", ".owner"));
    }
}
