package dev.flowlab.apps.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's checks: each mistake is one line naming the key. */
class LoadBalancerConfigTest {
    private static final List<String> POOL = List.of("10.0.0.2", "10.0.0.3");

    @Test
    void defaultsFillTheMacAndIdleTimeout() {
        LoadBalancerConfig c = new LoadBalancerConfig("10.0.0.100", null, POOL, null);
        assertThat(c.mac()).isEqualTo(LoadBalancerConfig.DEFAULT_MAC);
        assertThat(c.idleTimeout()).isEqualTo(10);
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> new LoadBalancerConfig(null, null, POOL, null)).hasMessageStartingWith("vip is missing");
        assertThatThrownBy(() -> new LoadBalancerConfig("10.0.0.300", null, POOL, null)).hasMessageStartingWith("vip '10.0.0.300'");
        assertThatThrownBy(() -> new LoadBalancerConfig("10.0.0.100", "01:00:00:00:00:01", POOL, null))
                .hasMessageContaining("not a unicast MAC");
        assertThatThrownBy(() -> new LoadBalancerConfig("10.0.0.100", null, List.of(), null)).hasMessageStartingWith("servers is empty");
        assertThatThrownBy(() -> new LoadBalancerConfig("10.0.0.100", null, List.of("10.0.0.2", "10.0.0.2"), null))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new LoadBalancerConfig("10.0.0.100", null, POOL, 0)).hasMessageStartingWith("idle_timeout 0");
    }
}
