package dev.flowlab.cli.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.cli.Main;
import dev.flowlab.testkit.SystemTest;
import java.nio.file.Path;
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
