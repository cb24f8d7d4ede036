package dev.flowlab.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The apps are found by id through META-INF/services and built by Guice. */
class AppRegistrationTest {

    @Test
    void everyAppIsAvailableByName() {
        assertThat(List.copyOf(Controller.availableApps())).contains("acl", "hub", "learning-switch", "load-balancer", "router", "routing", "stp").isSorted();
    }

    @Test
    void controllerStartsWithTheNamedApps() {
        try (Controller controller = Controller.start(
                ControllerConfig.builder().apps("learning-switch", "hub").listen("127.0.0.1", 0).build())) {
            assertThat(controller.appIds()).containsExactly("hub", "learning-switch");
        }
    }

    @Test
    void unknownAppNamesTheKnownOnes() {
        assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().apps("foo").listen("127.0.0.1", 0).build()))
                .hasMessage("unknown app 'foo'; known apps: " + String.join(", ", Controller.availableApps()))
                .hasMessageContaining("hub, learning-switch");
    }

    @Test
    void stpBesideRoutingIsRefusedInOneLine() {
        assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().apps("stp", "routing").listen("127.0.0.1", 0).build()))
                .hasMessageStartingWith("app stp cannot run beside routing: routing routes over the cables stp blocks")
                .hasMessageNotContaining("\n");
    }
}
