package dev.flowlab.apps.fake;

import dev.flowlab.controller.api.RestRequest;
import java.util.Map;
import java.util.Optional;

/** A REST request for calling an app's handler directly: path parameters and an already-bound body. */
public record FakeRequest(Map<String, String> params, Object body) implements RestRequest {
    public static FakeRequest of(Object body) {
        return new FakeRequest(Map.of(), body);
    }

    public static FakeRequest param(String name, String value) {
        return new FakeRequest(Map.of(name, value), null);
    }

    @Override
    public String param(String name) {
        return params.get(name);
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.empty();
    }

    @Override
    public <T> T body(Class<T> type) {
        return type.cast(body);
    }
}
