package dev.flowlab.lab.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flowlab.controller.RestAccess;
import dev.flowlab.lab.Lab;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The embedded controller's REST API of a lab, as a test calls it: JSON in, status and JSON out. */
final class RestClient {
    /** An HTTP answer: status and JSON body (null when empty). */
    record Answer(int status, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final RestAccess access;

    RestClient(Lab lab) {
        this.access = lab.embeddedController().orElseThrow().restAccess()
                .orElseThrow(() -> new IllegalStateException("the lab's controller serves no REST API"));
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(access.baseUrl() + path)).header("Authorization", access.authorization())
                .timeout(Duration.ofSeconds(20));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isBlank() ? null : json.readTree(r.body()));
        } catch (IOException e) {
            throw new AssertionError("REST request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
