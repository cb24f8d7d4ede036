package dev.flowlab.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.apps.acl.AclConfig;
import dev.flowlab.apps.learningswitch.LearningSwitchConfig;
import dev.flowlab.apps.loadbalancer.LoadBalancerConfig;
import dev.flowlab.apps.qos.HostLimit;
import dev.flowlab.apps.qos.QosConfig;
import dev.flowlab.apps.router.RouterConfig;
import dev.flowlab.apps.routing.RoutingConfig;
import dev.flowlab.controller.core.AppConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void learningSwitchExampleHasOvsDefaultsAndABadSizeIsOneLine(@TempDir Path dir) throws Exception {
        LearningSwitchConfig config = AppConfigFile.read("learning-switch", EXAMPLES.resolve("learning-switch.yaml"),
                LearningSwitchConfig.class);
        assertThat(config).isEqualTo(new LearningSwitchConfig(null, null));
        Path bad = Files.writeString(dir.resolve("ls.yaml"), "mac_table_size: 0\n");
        assertThatThrownBy(() -> AppConfigFile.read("learning-switch", bad, LearningSwitchConfig.class))
                .hasMessageContaining("mac_table_size 0 must be at least 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void routingExampleTurnsFastFailoverOn() {
        RoutingConfig config = AppConfigFile.read("routing", EXAMPLES.resolve("routing-fast-failover.yaml"), RoutingConfig.class);
        assertThat(config).isEqualTo(new RoutingConfig(true, false));
    }

    @Test
    void aclExample() {
        assertThat(AppConfigFile.read("acl", EXAMPLES.resolve("acl.yaml"), AclConfig.class).rules()).hasSize(3);
    }

    @Test
    void loadBalancerExampleAndAMissingVipIsOneLine(@TempDir Path dir) throws Exception {
        LoadBalancerConfig config = AppConfigFile.read("load-balancer", EXAMPLES.resolve("load-balancer.yaml"),
                LoadBalancerConfig.class);
        assertThat(config.servers()).containsExactly("10.0.0.2", "10.0.0.3", "10.0.0.4");
        Path bad = Files.writeString(dir.resolve("lb.yaml"), "servers: [10.0.0.2]\n");
        assertThatThrownBy(() -> AppConfigFile.read("load-balancer", bad, LoadBalancerConfig.class))
                .hasMessageContaining("vip is missing")
                .hasMessageNotContaining("\n");
    }

    @Test
    void qosExampleAndABadRateIsOneLineWithItsLine(@TempDir Path dir) throws Exception {
        QosConfig config = AppConfigFile.read("qos", EXAMPLES.resolve("qos.yaml"), QosConfig.class);
        assertThat(config.limits()).extracting(HostLimit::host).containsExactly("10.0.0.1", "00:00:00:00:00:02");
        Path bad = Files.writeString(dir.resolve("qos.yaml"), "limits:\n  - {ip: 10.0.0.1, rate: 10}\n  - {ip: 10.0.0.2}\n");
        assertThatThrownBy(() -> AppConfigFile.read("qos", bad, QosConfig.class))
                .hasMessageContaining("line 3")
                .hasMessageContaining("the limit of 10.0.0.2 needs a rate above 0 in Mbit/s, like rate: 10")
                .hasMessageNotContaining("\n");
    }
}
