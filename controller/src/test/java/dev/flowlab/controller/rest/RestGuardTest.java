package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlab.controller.RestAccess;
import dev.flowlab.controller.RestConfig;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.rest.Http.Answer;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a request must show before a handler sees it: the token, a Host that names this server, no
 * foreign Origin, JSON declared as JSON. Requests shaped like a web page's (CSRF, DNS rebinding)
 * reach no handler.
 */
class RestGuardTest {
    private static final String RULE = "{\"action\": \"allow\"}";

    @TempDir
    Path tokens;
    private final AtomicInteger created = new AtomicInteger();
    private RestServer server;
    private RestAccess access;
    private Http http;

    @BeforeEach
    void start() {
        RouteTable table = new RouteTable();
        table.forApp("acl").post("/rules", r -> {
            created.incrementAndGet();
            return RestResponse.created(r.body(Map.class));
        });
        server = RestServer.start(RestConfig.on("127.0.0.1", 0).withTokenDir(tokens), table);
        access = server.access();
        http = new Http(access);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCrossSitePostWithTextPlainIsRefusedAndCreatesNothing() {
        // What a page on attacker.example can make a browser send without a CORS preflight.
        Answer csrf = http.send(http.anonymous("/api/acl/rules").header("Origin", "http://attacker.example")
                .header("Content-Type", "text/plain").POST(BodyPublishers.ofString(RULE)));
        assertThat(csrf.status()).isEqualTo(403);
        assertThat(csrf.error()).isEqualTo("cross-origin request from 'http://attacker.example' refused");

        Answer withToken = http.send(http.request("/api/acl/rules").header("Origin", "http://attacker.example")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(RULE)));
        assertThat(withToken.status()).isEqualTo(403);

        Answer plain = http.send(http.request("/api/acl/rules").header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(RULE)));
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.error()).contains("Content-Type: application/json");
        Answer form = http.send(http.request("/api/acl/rules")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString("a=b")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(created).hasValue(0);

        Answer sameOrigin = http.send(http.request("/api/acl/rules").header("Origin", access.baseUrl())
                .header("Content-Type", "application/json; charset=utf-8").POST(BodyPublishers.ofString(RULE)));
        assertThat(sameOrigin.status()).isEqualTo(201);
        assertThat(created).hasValue(1);
    }

    @Test
    void aHostThatIsNotThisServerIsRefused() throws Exception {
        int port = access.address().getPort();
        String rebound = "GET /api HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nAuthorization: "
                + access.authorization() + "\r\n\r\n";
        try (RawHttp raw = new RawHttp(access.address())) {
            String answer = raw.send(rebound).readResponse();
            assertThat(answer).startsWith("HTTP/1.1 403").contains("Host 'attacker.example:" + port + "' is not this server");
            for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port}) {
                assertThat(raw.send(rebound.replace("attacker.example:" + port, host)).readResponse()).as(host)
                        .startsWith("HTTP/1.1 200");
            }
            for (String host : new String[] {"127.0.0.1:" + (port + 1), "127.0.0.1", "127.0.0.2:" + port, "[::1]:" + port}) {
                assertThat(raw.send(rebound.replace("attacker.example:" + port, host)).readResponse()).as(host)
                        .startsWith("HTTP/1.1 403");
            }
        }
        try (RawHttp raw = new RawHttp(access.address())) {
            String noHost = "GET /api HTTP/1.1\r\nAuthorization: " + access.authorization() + "\r\n\r\n";
            assertThat(raw.send(noHost).readResponse()).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aRequestWithoutOrWithAWrongTokenIsRefusedWithOneLineOfJson() {
        Answer none = http.send(http.anonymous("/api"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text()).isEqualTo("{\"error\":\"missing token: send Authorization: Bearer TOKEN, the token being in "
                + access.tokenFile() + " (readable by root)\"}\n");
        Answer wrong = http.send(http.anonymous("/api").header("Authorization", "Bearer " + access.token() + "x"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).startsWith("wrong token");
        Answer basic = http.send(http.anonymous("/api").header("Authorization", "Basic " + access.token()));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(http.send(http.anonymous("/api/acl/rules").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(RULE))).status()).isEqualTo(401);
        assertThat(created).hasValue(0);

        assertThat(http.get("/api").status()).isEqualTo(200);
        assertThat(http.send(http.anonymous("/api").header("Authorization", "bearer " + access.token())).status())
                .isEqualTo(200);
    }

    @Test
    void theStaticPageAloneIsServedWithoutAToken() {
        Answer page = http.send(http.anonymous("/"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("Authorization: Bearer").doesNotContain(access.token());
        assertThat(http.send(http.anonymous("/").POST(BodyPublishers.noBody())).status()).isEqualTo(401);
        assertThat(http.send(http.anonymous("/index.html")).status()).isEqualTo(401);
    }

    @Test
    void theTokenIsInAFileOnlyItsOwnerReadsUntilTheServerStops() throws Exception {
        Path file = access.tokenFile();
        assertThat(file).isEqualTo(tokens.resolve("rest-" + access.address().getPort() + ".token"));
        assertThat(Files.readString(file).trim()).isEqualTo(access.token());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(access.token()).hasSizeGreaterThanOrEqualTo(40);

        try (RestServer other = RestServer.start(RestConfig.on("127.0.0.1", 0).withTokenDir(tokens), new RouteTable())) {
            assertThat(other.access().token()).isNotEqualTo(access.token());
        }
        server.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void aChosenTokenIsUsedAndABadOneIsAClearError() {
        String chosen = "course-lab-token-0123";
        try (RestServer chosenServer = RestServer.start(RestConfig.on("127.0.0.1", 0).withTokenDir(tokens).withToken(chosen),
                new RouteTable())) {
            assertThat(chosenServer.access().token()).isEqualTo(chosen);
            Http client = new Http(chosenServer.access());
            assertThat(client.get("/api").status()).isEqualTo(200);
        }
        assertThatThrownBy(() -> RestConfig.on("127.0.0.1", 0).withToken("short"))
                .hasMessage("--rest-token must be 16-256 characters of A-Z a-z 0-9 . _ ~ + / - (leave it out and a random one is made)");
        assertThat(RestConfig.on("127.0.0.1", 0).withToken(chosen).toString()).doesNotContain(chosen);
    }
}
