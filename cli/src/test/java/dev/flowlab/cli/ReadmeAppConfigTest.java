package dev.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.apps.acl.AclConfig;
import dev.flowlab.apps.router.RouterConfig;
import dev.flowlab.controller.core.AppConfigFile;
import dev.flowlab.controller.VlanPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's router and acl config blocks are valid, and the router one is the example file. */
class ReadmeAppConfigTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void routerBlockIsTheExampleFile() throws Exception {
        String block = blockAfter("`apps/examples/router.yaml`:");
        String file = Files.readString(ROOT.resolve("apps/examples/router.yaml"));
        assertThat(file.lines().filter(l -> !l.startsWith("#")).toList()).isEqualTo(block.lines().toList());
    }

    @Test
    void aclBlockIsAValidConfig(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("acl.yaml"), blockAfter("### Firewall: `acl`"));
        assertThat(AppConfigFile.read("acl", file, AclConfig.class).rules()).hasSize(2);
        Path router = Files.writeString(dir.resolve("router.yaml"), blockAfter("`apps/examples/router.yaml`:"));
        assertThat(AppConfigFile.read("router", router, RouterConfig.class).subnets()).hasSize(2);
    }

    @Test
    void vlanFileBlockIsAValidVlanFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("vlans.yaml"), blockAfter("`--app-config vlans=FILE`:"));
        assertThat(VlanPorts.read(file).ports()).hasSize(4);
    }

    /** The first ```yaml block after {@code heading}. */
    private static String blockAfter(String heading) throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int at = readme.indexOf(heading);
        assertThat(at).as("README has " + heading).isNotNegative();
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find(at)).as("a yaml block after " + heading).isTrue();
        return m.group(1);
    }
}
