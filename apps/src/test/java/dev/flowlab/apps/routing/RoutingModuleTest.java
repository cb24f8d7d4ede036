package dev.flowlab.apps.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.core.AppLoader;
import dev.flowlab.controller.core.LoadedApp;
import dev.flowlab.controller.topology.CoreServices;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingModuleTest {

    @Test
    void routingIsFoundByIdAndGetsTheCoreServicesInjected() {
        assertThat(AppLoader.available()).containsKey("routing");
        List<LoadedApp> apps = AppLoader.load(List.of("routing"), List.of(), new CoreServices().module());
        assertThat(apps).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("routing");
            assertThat(a.app()).isInstanceOf(ShortestPathRouting.class);
        });
    }
}
