package dev.flowlab.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.acl.AclConfig;
import dev.flowlab.apps.router.RouterConfig;
import dev.flowlab.controller.core.AppConfigFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config files in apps/examples, which the README points to, stay valid. */
class ExampleConfigsTest {
    private static final Path EXAMPLES = Path.of("examples");

    @Test
    void routerExample() {
        RouterConfig config = AppConfigFile.read("router", EXAMPLES.resolve("router.yaml"), RouterConfig.class);
        assertThat(config.subnets()).hasSize(2);
        assertThat(config.routes()).hasSize(1);
    }

    @Test
    void aclExample() {
        assertThat(AppConfigFile.read("acl", EXAMPLES.resolve("acl.yaml"), AclConfig.class).rules()).hasSize(3);
    }
}
