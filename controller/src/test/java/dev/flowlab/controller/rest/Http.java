package dev.flowlab.controller.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.RestAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for REST tests: the JDK's, speaking to the server over TCP with its token. */
final class Http {
    /** A response: status, headers we check, and the body (parsed as JSON when it is JSON, else null). */
    record Answer(int status, String allow, String contentType, String text, JsonNode json) {
        String error() {
            return json.get("error").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RestAccess access;

    Http(RestAccess access) {
        this.access = access;
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request with the token, for a test to add headers to. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(access.baseUrl() + path)).header("Authorization", access.authorization());
    }

    /** A request without the token. */
    HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(access.baseUrl() + path));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = type != null && type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
            return new Answer(r.statusCode(), r.headers().firstValue("Allow").orElse(null), type, r.body(), json);
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
