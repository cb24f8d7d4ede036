package dev.flowlab.controller.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.core.JsonMapping;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer, already serialised: made on a worker thread so the server's I/O thread only
 * copies bytes. Successful bodies are pretty-printed JSON, errors one line ({@code {"error":"..."}}),
 * both ending with a newline so that curl's output does too.
 *
 * @param status      HTTP status code
 * @param contentType the body's media type; null with no body
 * @param body        the bytes to send (empty for none)
 * @param headers     extra headers ({@code Allow}, {@code WWW-Authenticate})
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    private static final String JSON = "application/json";

    /** {@code body} as pretty JSON; no body at all when it is null. */
    static Reply json(int status, Object body) {
        if (body == null) {
            return new Reply(status, null, new byte[0], Map.of());
        }
        try {
            return new Reply(status, JSON, withNewline(JsonMapping.json().writerWithDefaultPrettyPrinter().writeValueAsBytes(body)),
                    Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"error": message}} on one line. */
    static Reply error(int status, String message) {
        try {
            return new Reply(status, JSON, withNewline(JsonMapping.json().writeValueAsBytes(Map.of("error", message))), Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error a handler or a check threw. */
    static Reply error(RestException e) {
        return error(e.status(), e.getMessage());
    }

    /** A page or file that is not JSON. */
    static Reply of(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** This reply with one more header. */
    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(more));
    }

    private static byte[] withNewline(byte[] json) {
        byte[] bytes = Arrays.copyOf(json, json.length + 1);
        bytes[json.length] = '\n';
        return bytes;
    }
}
