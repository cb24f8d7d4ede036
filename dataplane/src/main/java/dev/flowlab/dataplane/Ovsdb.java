package dev.flowlab.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adds a build's veth ports in one OVSDB transaction sent straight to ovsdb-server (JSON-RPC on its unix
 * socket), then waits until ovs-vswitchd has applied it, as {@code ovs-vsctl --wait} does (next_cfg bumped in
 * the transaction, cur_cfg watched). Why not ovs-vsctl: for tree,3,10's 1,110 {@code add-port} commands in one
 * transaction ovs-vsctl itself used 3.5-4 s of CPU, more than ovs-vswitchd needed to add the ports.
 */
final class Ovsdb {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flowlab-ovsdb-timeout");
        t.setDaemon(true);
        return t;
    });

    private Ovsdb() {
    }

    /** The socket ovs-vsctl talks to by default ({@code $OVS_RUNDIR/db.sock}). */
    static Path socket() {
        String rundir = System.getenv("OVS_RUNDIR");
        return Path.of(rundir != null && !rundir.isEmpty() ? rundir : "/var/run/openvswitch", "db.sock");
    }

    /**
     * The operations adding every switch-side veth end of the plan as a port of its bridge, its OpenFlow port
     * number requested as the one in its name (s1-eth2 -> 2), then bumping next_cfg and reading it back (the
     * last operation's result).
     */
    static ArrayNode addPortOps(Plan plan) {
        ArrayNode ops = F.arrayNode();
        Map<String, ArrayNode> portsOf = new LinkedHashMap<>();
        int n = 0;
        for (Plan.Veth v : plan.veths()) {
            for (Plan.End e : List.of(v.a(), v.b())) {
                if (!e.inRoot()) {
                    continue;
                }
                n++;
                ObjectNode iface = ops.addObject().put("op", "insert").put("table", "Interface").put("uuid-name", "i" + n);
                iface.putObject("row").put("name", e.ifname()).put("ofport_request", e.port());
                ObjectNode port = ops.addObject().put("op", "insert").put("table", "Port").put("uuid-name", "p" + n);
                port.putObject("row").put("name", e.ifname()).set("interfaces", namedUuid("i" + n));
                portsOf.computeIfAbsent(e.node(), b -> F.arrayNode()).add(namedUuid("p" + n));
            }
        }
        portsOf.forEach((bridge, ports) -> {
            ObjectNode m = ops.addObject().put("op", "mutate").put("table", "Bridge");
            m.putArray("where").add(condition("name", "==", F.textNode(bridge)));
            m.putArray("mutations").add(F.arrayNode().add("ports").add("insert").add(F.arrayNode().add("set").add(ports)));
        });
        ObjectNode bump = ops.addObject().put("op", "mutate").put("table", "Open_vSwitch");
        bump.putArray("where");
        bump.putArray("mutations").add(F.arrayNode().add("next_cfg").add("+=").add(1));
        ObjectNode read = ops.addObject().put("op", "select").put("table", "Open_vSwitch");
        read.putArray("where");
        read.putArray("columns").add("next_cfg");
        return ops;
    }

    /**
     * Commits {@code ops} (which must end by bumping next_cfg and selecting it, as {@link #addPortOps} does) and
     * waits until ovs-vswitchd reports that configuration applied (cur_cfg); fails with the first operation's
     * error, or when {@code timeout} passes first.
     */
    static void transactAndWait(ArrayNode ops, Duration timeout) {
        transactAndWait(socket(), ops, timeout);
    }

    /** As {@link #transactAndWait(ArrayNode, Duration)}, through the ovsdb-server listening on {@code socket}. */
    static void transactAndWait(Path socket, ArrayNode ops, Duration timeout) {
        AtomicBoolean timedOut = new AtomicBoolean();
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                closeQuietly(ch);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                OutputStream out = Channels.newOutputStream(ch);
                ArrayNode params = F.arrayNode().add("Open_vSwitch");
                params.addAll(ops);
                send(out, F.objectNode().put("id", "transact").put("method", "transact").set("params", params));
                // Only now: the reader reads ahead as it is made (to detect the encoding), which would block before the request.
                MappingIterator<JsonNode> in = JSON.readerFor(JsonNode.class)
                        .readValues(new BoundedInputStream(Channels.newInputStream(ch), replyLimit(ops)));
                JsonNode results = await(in, out, "transact").path("result");
                checkResults(results, ops);
                long target = appliedWhen(results);
                ArrayNode monitor = F.arrayNode().add("Open_vSwitch").addNull();
                monitor.addObject().putObject("Open_vSwitch").putArray("columns").add("cur_cfg");
                send(out, F.objectNode().put("id", "monitor").put("method", "monitor").set("params", monitor));
                JsonNode state = await(in, out, "monitor").path("result");
                while (curCfg(state) < target) {
                    state = awaitUpdate(in, out);
                }
            } finally {
                watchdog.cancel(false);
            }
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                throw new DataplaneException("Open vSwitch did not add the ports within " + timeout.toMillis() / 1000.0 + " s");
            }
            if (e instanceof DataplaneException d) {
                throw d;
            }
            throw new DataplaneException("cannot add the ports through ovsdb-server at " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many bytes ovsdb-server may send in all: the reply (a uuid or a count per operation, ~50 bytes each), the
     * monitor's and a few thousand cur_cfg updates. More means something else answers on that socket: stop there
     * rather than hold it all in memory.
     */
    static long replyLimit(ArrayNode ops) {
        return (1L << 20) + 256L * ops.size();
    }

    /**
     * Fails naming the first operation that failed (with the op), a commit error ovsdb-server appended, or a bridge
     * the ports were to join that does not exist (its mutation counts no row, and OVSDB would drop the unreferenced
     * ports without an error).
     */
    static void checkResults(JsonNode results, ArrayNode ops) {
        if (!results.isArray()) {
            throw new DataplaneException("ovsdb-server refused the transaction: " + results);
        }
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            if (r.hasNonNull("error")) {
                String op = i < ops.size() ? " in " + ops.get(i) : "";
                throw new DataplaneException("ovsdb-server: " + r.path("error").asText() + " (" + r.path("details").asText("")
                        + ")" + op);
            }
        }
        for (int i = 0; i < ops.size(); i++) {
            JsonNode op = ops.get(i);
            if ("mutate".equals(op.path("op").asText()) && "Bridge".equals(op.path("table").asText()) && i < results.size()
                    && results.get(i).path("count").asLong(-1) != 1) {
                throw new DataplaneException("ovsdb-server: no bridge " + op.path("where").path(0).path(2).asText()
                        + " to add the ports to (" + results.path(i) + ")");
            }
        }
    }

    /** The next_cfg the transaction set (its last operation selects it): ovs-vswitchd has applied it when cur_cfg reaches it. */
    static long appliedWhen(JsonNode results) {
        JsonNode cfg = results.path(results.size() - 1).path("rows").path(0).path("next_cfg");
        if (!cfg.canConvertToLong()) {
            throw new DataplaneException("ovsdb-server returned no next_cfg (no Open_vSwitch row?): " + results.path(results.size() - 1));
        }
        return cfg.asLong();
    }

    private static long curCfg(JsonNode tableUpdates) {
        long cfg = Long.MIN_VALUE;
        for (JsonNode row : tableUpdates.path("Open_vSwitch")) {
            JsonNode v = row.path("new").path("cur_cfg");
            if (v.isNumber()) {
                cfg = Math.max(cfg, v.asLong());
            }
        }
        return cfg;
    }

    /** The reply to request {@code id}, answering echo requests meanwhile. */
    private static JsonNode await(MappingIterator<JsonNode> in, OutputStream out, String id) throws IOException {
        while (true) {
            JsonNode m = next(in, out);
            if (id.equals(m.path("id").asText(null)) && !m.has("method")) {
                if (m.hasNonNull("error")) {
                    throw new DataplaneException("ovsdb-server refused the " + id + ": " + m.get("error"));
                }
                return m;
            }
        }
    }

    /** The next monitor update's table updates. */
    private static JsonNode awaitUpdate(MappingIterator<JsonNode> in, OutputStream out) throws IOException {
        while (true) {
            JsonNode m = next(in, out);
            if ("update".equals(m.path("method").asText())) {
                return m.path("params").path(1);
            }
        }
    }

    private static JsonNode next(MappingIterator<JsonNode> in, OutputStream out) throws IOException {
        if (!in.hasNextValue()) {
            throw new IOException("ovsdb-server closed the connection");
        }
        JsonNode m = in.nextValue();
        if ("echo".equals(m.path("method").asText())) {
            ObjectNode reply = F.objectNode();
            reply.set("id", m.path("id"));
            reply.set("result", m.path("params"));
            send(out, reply);
        }
        return m;
    }

    private static void send(OutputStream out, JsonNode message) throws IOException {
        out.write(JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ArrayNode namedUuid(String name) {
        return F.arrayNode().add("named-uuid").add(name);
    }

    private static ArrayNode condition(String column, String function, JsonNode value) {
        return F.arrayNode().add(column).add(function).add(value);
    }

    /** Fails a read once {@code limit} bytes have been read in all. */
    static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("ovsdb-server sent more than " + limit + " bytes");
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // the waiting read fails either way
        }
    }
}
