package dev.flowlab.controller.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlab.controller.RestConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Host and Origin headers name the server, for binds a test should not open (wildcard, IPv6). */
class RequestGuardTest {
    @TempDir
    Path dir;
    private RestToken token;

    @BeforeEach
    void token() {
        token = RestToken.create(RestConfig.on("127.0.0.1", 0).withTokenDir(dir), 8080);
    }

    @AfterEach
    void removeToken() {
        token.close();
    }

    @Test
    void aWildcardBindTakesAnyIpLiteralAndLocalhostButNoOtherName() {
        RequestGuard guard = new RequestGuard(new InetSocketAddress("0.0.0.0", 8080), "0.0.0.0", token);
        for (String host : new String[] {"10.1.2.3:8080", "127.0.0.1:8080", "[fe80::1]:8080", "localhost:8080"}) {
            assertThat(status(guard, host, null)).as(host).isEmpty();
        }
        for (String host : new String[] {"attacker.example:8080", "10.1.2.3:8081", "10.1.2.300:8080", "[nothex]:8080",
                "1.2.3.4.nip.io:8080", ""}) {
            assertThat(status(guard, host, null)).as(host).contains(403);
        }
        assertThat(status(guard, "10.1.2.3:8080", "http://10.1.2.3:8080")).isEmpty();
        assertThat(status(guard, "10.1.2.3:8080", "https://10.1.2.3:8080")).contains(403);
        assertThat(status(guard, "10.1.2.3:8080", "null")).contains(403);
    }

    @Test
    void aNamedOrIpv6BindTakesItsOwnNameAndAddressOnly() {
        RequestGuard named = new RequestGuard(new InetSocketAddress("127.0.0.1", 8080), "lab.example", token);
        assertThat(status(named, "LAB.example:8080", "http://lab.example:8080")).isEmpty();
        assertThat(status(named, "other.example:8080", null)).contains(403);

        RequestGuard v6 = new RequestGuard(new InetSocketAddress("::1", 8080), "::1", token);
        assertThat(status(v6, "[::1]:8080", null)).isEmpty();
        assertThat(status(v6, "[0:0:0:0:0:0:0:1]:8080", null)).isEmpty();
        assertThat(status(v6, "localhost:8080", null)).isEmpty();
        assertThat(status(v6, "127.0.0.1:8080", null)).contains(403);
    }

    private Optional<Integer> status(RequestGuard guard, String host, String origin) {
        return guard.refuse("GET", "/api", host, origin, "Bearer " + token.value(), null, false).map(Reply::status);
    }
}
