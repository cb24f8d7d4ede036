package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.Controller;
import dev.flowlab.controller.ControllerConfig;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.api.RestRoutes;
import dev.flowlab.controller.rest.Http.Answer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Routes an app adds under /api/<app-id>, served over real HTTP, and the server's own failure modes. */
class AppRoutesTest {
    record Greeting(String name, int times) {
        Greeting {
            if (times < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
        }
    }

    @Test
    void appRoutesLiveUnderTheAppIdWithParametersQueriesAndBodies() {
        RouteTable table = new RouteTable();
        RestRoutes routes = table.forApp("greeter");
        routes.get("/hello/{name}", r -> Map.of("hello", r.param("name"), "loud", r.query("loud").orElse("no")));
        routes.post("/greetings", r -> RestResponse.created(r.body(Greeting.class)));
        routes.delete("/greetings/{id}", r -> {
            throw RestException.notFound("no greeting " + r.param("id"));
        });
        routes.get("/slow", r -> {
            throw new java.util.concurrent.CompletionException(new TimeoutException("switch 1 did not answer"));
        });
        try (RestServer server = RestServer.start(RestConfig.on("127.0.0.1", 0), table)) {
            Http http = new Http(server.access());
            Answer hello = http.get("/api/greeter/hello/ada?loud=yes");
            assertThat(hello.status()).isEqualTo(200);
            assertThat(hello.json().get("hello").asText()).isEqualTo("ada");
            assertThat(hello.json().get("loud").asText()).isEqualTo("yes");

            Answer created = http.post("/api/greeter/greetings", "{\"name\": \"ada\", \"times\": 2}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("times").asInt()).isEqualTo(2);

            assertThat(http.post("/api/greeter/greetings", "{\"name\": \"ada\", \"times\": 0}").error())
                    .isEqualTo("times must be at least 1");
            assertThat(http.post("/api/greeter/greetings", "{\"name\": \"ada\", \"times\": 1, \"tims\": 1}").error())
                    .isEqualTo("unknown key 'tims' (valid keys: name, times)");
            assertThat(http.post("/api/greeter/greetings", "{\"name\": \"ada\"}").error()).isEqualTo("'times' is missing");
            assertThat(http.delete("/api/greeter/greetings/3").status()).isEqualTo(404);
            assertThat(http.get("/api/greeter/slow").status()).isEqualTo(504);
        }
    }

    @Test
    void badRoutesAndClashingAppIdsFailAtRegistration() {
        RouteTable table = new RouteTable();
        assertThatThrownBy(() -> table.forApp("switches"))
                .hasMessage("app id 'switches' clashes with the core REST path /api/switches; rename the app");
        RestRoutes routes = table.forApp("a");
        assertThatThrownBy(() -> routes.get("rules", r -> null)).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> routes.get("/a b", r -> null)).hasMessageContaining("bad segment 'a b'");
        routes.get("/rules", r -> null);
        assertThatThrownBy(() -> routes.get("/rules", r -> null)).hasMessage("REST route GET /api/a/rules is registered twice");
    }

    @Test
    void restIsOffByDefaultAndABusyPortIsAClearError() {
        try (Controller quiet = Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0).build())) {
            assertThat(quiet.restAddress()).isEmpty();
        }
        try (RestServer first = RestServer.start(RestConfig.on("127.0.0.1", 0), new RouteTable())) {
            int port = first.address().getPort();
            assertThatThrownBy(() -> Controller.start(ControllerConfig.builder().listen("127.0.0.1", 0)
                    .rest(RestConfig.on("127.0.0.1", port)).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot serve REST on 127.0.0.1:" + port)
                    .hasMessageContaining("--rest HOST:PORT");
        }
    }

    @Test
    void restOptionParsing() {
        assertThat(RestConfig.parse("off").enabled()).isFalse();
        assertThat(RestConfig.parse("8081")).isEqualTo(RestConfig.on("127.0.0.1", 8081));
        assertThat(RestConfig.parse("0.0.0.0:9000")).isEqualTo(RestConfig.on("0.0.0.0", 9000));
        for (String bad : List.of("on", "host:", ":80", "1.2.3.4:99999", "")) {
            assertThatThrownBy(() -> RestConfig.parse(bad)).as(bad)
                    .hasMessage("--rest '" + bad + "' is not understood: use off, PORT or HOST:PORT (e.g. 127.0.0.1:8080)");
        }
    }
}
