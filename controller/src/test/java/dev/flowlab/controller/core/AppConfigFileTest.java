package dev.flowlab.controller.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** App config files: YAML or JSON into the app's record, errors with file, line and field. */
class AppConfigFileTest {
    record Route(String prefix, String nextHop) {
    }

    record Settings(int idleTimeout, List<Route> routes) {
        Settings {
            if (idleTimeout < 0) {
                throw new IllegalArgumentException("idle_timeout must not be negative");
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void readsYamlAndJsonWithSnakeCaseKeys() throws IOException {
        Path yaml = write("a.yaml", "idle_timeout: 5\nroutes:\n  - prefix: 10.0.3.0/24\n    next_hop: 10.0.2.254\n");
        assertThat(AppConfigFile.read("router", yaml, Settings.class))
                .isEqualTo(new Settings(5, List.of(new Route("10.0.3.0/24", "10.0.2.254"))));
        Path json = write("a.json", "{\"idle_timeout\": 7, \"routes\": []}");
        assertThat(AppConfigFile.read("router", json, Settings.class).idleTimeout()).isEqualTo(7);
    }

    @Test
    void errorsNameTheAppTheFileTheLineAndTheField() throws IOException {
        Path typo = write("typo.yaml", "idle_timeout: 5\nroutes:\n  - prefix: 10.0.3.0/24\n    nexthop: 1.2.3.4\n");
        assertThatThrownBy(() -> AppConfigFile.read("router", typo, Settings.class))
                .hasMessage("app router: config file " + typo + " line 4: unknown key 'routes[0].nexthop'"
                        + " (valid keys: next_hop, prefix)");
        Path negative = write("neg.yaml", "idle_timeout: -1\n");
        assertThatThrownBy(() -> AppConfigFile.read("router", negative, Settings.class))
                .hasMessageEndingWith(": idle_timeout must not be negative");
        Path word = write("word.yaml", "idle_timeout: soon\n");
        assertThatThrownBy(() -> AppConfigFile.read("router", word, Settings.class))
                .hasMessageEndingWith("line 1: 'idle_timeout': 'soon' is not a whole number");
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> AppConfigFile.read("router", missing, Settings.class))
                .hasMessage("app router: config file " + missing + " does not exist; check the path given to --app-config");
        Path empty = write("empty.yaml", "\n");
        assertThatThrownBy(() -> AppConfigFile.read("router", empty, Settings.class)).hasMessageContaining("is empty");
    }

    @Test
    void aConfigFileForAnAppThatIsNotRunningStopsStart() {
        ControllerConfig config = ControllerConfig.builder().listen("127.0.0.1", 0)
                .appConfig("acl", dir.resolve("acl.yaml")).build();
        assertThatThrownBy(() -> Controller.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a config file is given for app 'acl', which is not running (apps: ); add it to --apps"
                        + " or drop its --app-config");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
