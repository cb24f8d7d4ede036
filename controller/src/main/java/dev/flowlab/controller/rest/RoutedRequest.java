package dev.flowlab.controller.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestRequest;
import dev.flowlab.controller.core.JsonMapping;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A request as handlers see it: path parameters, query parameters and the body bound on demand. */
final class RoutedRequest implements RestRequest {
    private final Map<String, String> params;
    private final Map<String, String> query = new HashMap<>();
    private final byte[] body;

    RoutedRequest(Map<String, String> params, String rawQuery, byte[] body) {
        this.params = params;
        this.body = body;
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(decode(key), decode(value));
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** Whether the client sent a body at all. */
    boolean hasBody() {
        return !new String(body, StandardCharsets.UTF_8).isBlank();
    }

    @Override
    public <T> T body(Class<T> type) {
        if (!hasBody()) {
            throw RestException.badRequest("this request needs a JSON body");
        }
        try {
            return JsonMapping.json().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest(JsonMapping.describe(e));
        } catch (IOException e) {
            throw RestException.badRequest("cannot read the body: " + e.getMessage());
        }
    }
}
