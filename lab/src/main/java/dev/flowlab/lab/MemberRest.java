package dev.flowlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** GETs on a controller process's REST API, with its token: how the lab asks a member what it sees. */
final class MemberRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String baseUrl;
    private final Path tokenFile;

    /** @param tokenFile where the member writes its token (read again for each request: a restart makes a new one) */
    MemberRest(int port, Path tokenFile) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.tokenFile = tokenFile;
    }

    /** The token in {@code file}; empty while there is none. */
    static Optional<String> readToken(Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The JSON of {@code GET path}; empty when the member does not answer (not up yet, or killed). */
    Optional<JsonNode> get(String path) {
        Optional<String> token = readToken(tokenFile);
        if (token.isEmpty()) {
            return Optional.empty();   // its REST API is not up yet
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token.get())
                .timeout(Duration.ofSeconds(3)).GET().build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
