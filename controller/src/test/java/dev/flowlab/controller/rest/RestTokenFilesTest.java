package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.RestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token files of controllers that are gone are removed; a live controller's, and one of unknown owner, stay. */
class RestTokenFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTokenIsWrittenWithItsOwnerAndBothGoWhenItsServerStops() throws Exception {
        RestToken token = RestToken.create(RestConfig.on("127.0.0.1", 0).withTokenDir(dir), 8080);
        Path owner = dir.resolve("rest-8080.owner");
        assertThat(TokenOwner.read(owner)).contains(TokenOwner.self());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(owner))).isEqualTo("rw-------");

        assertThat(RestTokenFiles.removeAbandoned(dir)).as("a live owner's").isEmpty();
        assertThat(token.file()).exists();

        token.close();
        assertThat(token.file()).doesNotExist();
        assertThat(owner).doesNotExist();
    }

    @Test
    void theTokenOfAControllerThatIsGoneIsRemovedAndOnlyThat() throws Exception {
        // Alive while its start time is read (a process that already exited may be reaped, and unreadable, by then).
        Process gone = new ProcessBuilder("sleep", "60").start();
        TokenOwner dead = TokenOwner.of(gone.toHandle()).orElseThrow();
        gone.destroy();
        gone.waitFor();
        Files.writeString(dir.resolve("rest-8081.token"), "killed-controllers-token\n");
        Files.writeString(dir.resolve("rest-8081.owner"), dead.text());
        RestToken live = RestToken.create(RestConfig.on("127.0.0.1", 0).withTokenDir(dir), 8082);
        Files.writeString(dir.resolve("rest-8083.token"), "an-older-flowlabs-token\n");   // no owner recorded
        // The same pid started at another time is another program.
        Files.writeString(dir.resolve("rest-8084.token"), "reused-pid-token\n");
        Files.writeString(dir.resolve("rest-8084.owner"), new TokenOwner(ProcessHandle.current().pid(),
                TokenOwner.self().startMillis() - 1000).text());

        assertThat(RestTokenFiles.removeAbandoned(dir)).containsExactlyInAnyOrder(dir.resolve("rest-8081.token"),
                dir.resolve("rest-8081.owner"), dir.resolve("rest-8084.token"), dir.resolve("rest-8084.owner"));

        assertThat(live.file()).exists();
        assertThat(dir.resolve("rest-8082.owner")).exists();
        assertThat(dir.resolve("rest-8083.token")).exists();
        live.close();
    }
}
