package dev.flowlab.controller.openflow;

import dev.flowlab.controller.api.SwitchErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.projectfloodlight.openflow.protocol.OFErrorMsg;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.protocol.OFStatsReply;
import org.projectfloodlight.openflow.protocol.OFStatsReplyFlags;
import org.projectfloodlight.openflow.types.DatapathId;

/**
 * Requests waiting for their reply, by XID: barriers (one reply) and multipart requests (parts
 * collected until the last one, the one without REPLY_MORE). Registered from any thread, answered
 * on the connection's I/O thread.
 */
final class PendingRequests {
    private final DatapathId dpid;
    private final long maxReplyBytes;
    private final Map<Long, Pending<?>> byXid = new ConcurrentHashMap<>();

    private static final class Pending<T> {
        final CompletableFuture<T> future = new CompletableFuture<>();
        final List<OFStatsReply> parts = new ArrayList<>(1);
        long bytes;
    }

    /** {@code maxReplyBytes}: the most wire bytes the parts of one multipart reply may add up to. */
    PendingRequests(DatapathId dpid, long maxReplyBytes) {
        this.dpid = dpid;
        this.maxReplyBytes = maxReplyBytes;
    }

    /** A future for the reply to the request with this XID. */
    <T> CompletableFuture<T> expect(long xid) {
        Pending<T> pending = new Pending<>();
        byXid.put(xid, pending);
        return pending.future;
    }

    /** Completes the request this message answers; false when it answers none of ours. */
    @SuppressWarnings("unchecked")
    boolean answer(OFMessage reply) {
        Pending<Object> pending = (Pending<Object>) byXid.get(reply.getXid());
        if (pending == null) {
            return false;
        }
        if (reply instanceof OFErrorMsg error) {
            byXid.remove(reply.getXid());
            pending.future.completeExceptionally(new SwitchErrorException(dpid, error));
        } else if (reply instanceof OFStatsReply part) {
            pending.bytes += WireSize.of(part);
            if (pending.bytes > maxReplyBytes) {   // later parts find no request and are dropped as they come
                byXid.remove(reply.getXid());
                pending.future.completeExceptionally(new IllegalStateException("switch " + dpid + " answered request xid="
                        + reply.getXid() + " with more than " + maxReplyBytes + " bytes of " + part.getStatsType()
                        + " parts, the most this controller holds for one request"));
                return true;
            }
            pending.parts.add(part);
            if (!part.getFlags().contains(OFStatsReplyFlags.REPLY_MORE)) {
                byXid.remove(reply.getXid());
                pending.future.complete(List.copyOf(pending.parts));
            }
        } else {
            byXid.remove(reply.getXid());
            pending.future.complete(reply);
        }
        return true;
    }

    /** Stops waiting for a reply to this XID (the future is left as it is). */
    void forget(long xid) {
        byXid.remove(xid);
    }

    /** Fails a request that got no reply in time. */
    void timeOut(long xid, long millis) {
        Pending<?> pending = byXid.remove(xid);
        if (pending != null) {
            pending.future.completeExceptionally(
                    new TimeoutException("switch " + dpid + " did not answer request xid=" + xid + " within " + millis + " ms"));
        }
    }

    /** Fails the request with this XID, if it still waits, because the connection is gone ({@code why}: see {@link #failAll}). */
    void fail(long xid, String why) {
        Pending<?> pending = byXid.remove(xid);
        if (pending != null) {
            pending.future.completeExceptionally(disconnected(why));
        }
    }

    /** Fails every open request: the connection is gone, {@code why} when we know (null otherwise). */
    void failAll(String why) {
        for (Long xid : List.copyOf(byXid.keySet())) {
            fail(xid, why);
        }
    }

    private IllegalStateException disconnected(String why) {
        return new IllegalStateException("switch " + dpid + " disconnected" + (why == null ? "" : ": " + why));
    }
}
