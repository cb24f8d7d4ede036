package dev.flowlab.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.flowlab.topologies.Topologies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The OVSDB client against a scripted ovsdb-server on a unix socket: replies, echoes, waiting, errors, limits. */
class OvsdbTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private final CountDownLatch serverDone = new CountDownLatch(1);
    private final List<JsonNode> received = new ArrayList<>();
    private ServerSocketChannel server;

    @AfterEach
    void closeServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** What the scripted server does with one connection. */
    interface Script {
        void run(MappingIterator<JsonNode> in, OutputStream out) throws IOException;
    }

    private Path serve(Script script) throws IOException {
        Path sock = dir.resolve("db.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(sock));
        CompletableFuture.runAsync(() -> {
            try (SocketChannel ch = server.accept()) {
                OutputStream out = Channels.newOutputStream(ch);
                script.run(JSON.readerFor(JsonNode.class).readValues(Channels.newInputStream(ch)), out);
            } catch (IOException e) {
                // the client went away: the test's assertions say what that means
            } finally {
                serverDone.countDown();
            }
        });
        return sock;
    }

    private JsonNode read(MappingIterator<JsonNode> in) throws IOException {
        JsonNode m = in.nextValue();
        synchronized (received) {
            received.add(m);
        }
        return m;
    }

    private static void send(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A successful reply to {@code ops}: a uuid per insert, a count per mutation, next_cfg for the select. */
    private static String okReply(ArrayNode ops, int bridgeCount, long nextCfg) {
        List<String> results = new ArrayList<>();
        for (JsonNode op : ops) {
            results.add(switch (op.path("op").asText()) {
                case "insert" -> "{\"uuid\":[\"uuid\",\"0b8e3c8a-0000-4000-8000-000000000000\"]}";
                case "mutate" -> "{\"count\":" + ("Bridge".equals(op.path("table").asText()) ? bridgeCount : 1) + "}";
                default -> "{\"rows\":[{\"next_cfg\":" + nextCfg + "}]}";
            });
        }
        return "{\"id\":\"transact\",\"result\":[" + String.join(",", results) + "],\"error\":null}";
    }

    private static ArrayNode ops() {
        return Ovsdb.addPortOps(new Plan(Topologies.linear(2)));
    }

    @Test
    void waitsUntilOvsVswitchdHasAppliedTheTransactionAnsweringEchoesMeanwhile() throws Exception {
        ArrayNode ops = ops();
        Path sock = serve((in, out) -> {
            read(in);
            send(out, "{\"id\":\"echo\",\"method\":\"echo\",\"params\":[]}");
            send(out, okReply(ops, 1, 7));
            read(in);   // the echo reply
            read(in);   // the monitor request
            send(out, "{\"id\":\"monitor\",\"result\":{\"Open_vSwitch\":{\"r1\":{\"new\":{\"cur_cfg\":5}}}},\"error\":null}");
            send(out, "{\"id\":null,\"method\":\"update\",\"params\":[null,{\"Open_vSwitch\":{\"r1\":{\"new\":{\"cur_cfg\":6}}}}]}");
            send(out, "{\"id\":null,\"method\":\"update\",\"params\":[null,{\"Open_vSwitch\":{\"r1\":{\"new\":{\"cur_cfg\":7}}}}]}");
            in.hasNextValue();   // until the client closes
        });

        Ovsdb.transactAndWait(sock, ops, LONG);

        serverDone.await();
        assertThat(received).hasSize(3);
        assertThat(received.get(0).path("method").asText()).isEqualTo("transact");
        assertThat(received.get(0).path("params").get(0).asText()).isEqualTo("Open_vSwitch");
        assertThat(received.get(1).path("id").asText()).isEqualTo("echo");
        assertThat(received.get(1).has("result")).isTrue();
        assertThat(received.get(2).path("method").asText()).isEqualTo("monitor");
    }

    @Test
    void aBridgeThatIsGoneFailsNamingItInsteadOfDroppingItsPorts() throws Exception {
        ArrayNode ops = ops();
        Path sock = serve((in, out) -> {
            read(in);
            send(out, okReply(ops, 0, 7));
        });

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops, LONG))
                .isInstanceOf(DataplaneException.class)
                .hasMessageStartingWith("ovsdb-server: no bridge s1 to add the ports to");
    }

    @Test
    void anOperationsErrorIsReportedWithTheOperation() throws Exception {
        Path sock = serve((in, out) -> {
            read(in);
            send(out, "{\"id\":\"transact\",\"result\":[{\"error\":\"constraint violation\",\"details\":\"dup\"},null],"
                    + "\"error\":null}");
        });

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops(), LONG))
                .hasMessageStartingWith("ovsdb-server: constraint violation (dup) in {\"op\":\"insert\"");
    }

    @Test
    void aRefusedRequestIsReported() throws Exception {
        Path sock = serve((in, out) -> {
            read(in);
            send(out, "{\"id\":\"transact\",\"result\":null,\"error\":\"unknown database\"}");
        });

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops(), LONG))
                .hasMessage("ovsdb-server refused the transact: \"unknown database\"");
    }

    @Test
    void noNextCfgInTheReplyIsAnErrorNotAnEndlessOrSkippedWait() {
        assertThatThrownBy(() -> Ovsdb.appliedWhen(JSON.readTree("[{\"count\":0},{\"rows\":[]}]")))
                .hasMessageStartingWith("ovsdb-server returned no next_cfg");
    }

    @Test
    void aServerThatSendsTooMuchIsCutOff() throws Exception {
        ArrayNode ops = ops();
        Path sock = serve((in, out) -> {
            read(in);
            byte[] chunk = "0123456789abcdef".repeat(4096).getBytes(StandardCharsets.UTF_8);
            send(out, "{\"id\":\"transact\",\"result\":\"");
            for (long sent = 0; sent <= Ovsdb.replyLimit(ops); sent += chunk.length) {
                out.write(chunk);
            }
        });

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops, LONG))
                .hasMessageContaining("ovsdb-server sent more than " + Ovsdb.replyLimit(ops) + " bytes");
    }

    @Test
    void aServerThatClosesIsReported() throws Exception {
        Path sock = serve((in, out) -> read(in));

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops(), LONG))
                .hasMessageContaining("ovsdb-server closed the connection");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        Path sock = serve((in, out) -> {
            read(in);
            in.hasNextValue();   // until the client gives up
        });

        assertThatThrownBy(() -> Ovsdb.transactAndWait(sock, ops(), Duration.ofMillis(200)))
                .hasMessage("Open vSwitch did not add the ports within 0.2 s");
    }

    @Test
    void theBoundedStreamCountsEveryByteReadEitherWay() throws IOException {
        Ovsdb.BoundedInputStream in = new Ovsdb.BoundedInputStream(new ByteArrayInputStream(new byte[10]), 4);
        assertThat(in.read()).isZero();
        assertThat(in.read(new byte[3], 0, 3)).isEqualTo(3);
        assertThatThrownBy(in::read).hasMessage("ovsdb-server sent more than 4 bytes");
    }
}
