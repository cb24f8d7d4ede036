package dev.flowlab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the cluster's log, as JSON bytes: a change of the configuration store, or a claim
 * of mastership by the member that just became Raft leader.
 *
 * @param op     what to do
 * @param key    the key (PUT, REMOVE) or prefix (ADD, SEED); null for CLAIM
 * @param json   the document (PUT, ADD); null otherwise
 * @param jsons  the documents (SEED); null otherwise
 * @param member the claiming member (CLAIM); null otherwise
 */
public record Command(Op op, String key, String json, List<String> jsons, String member) {
    /** The kinds of log entry. */
    public enum Op { PUT, ADD, SEED, REMOVE, CLAIM }

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public Command {
        Objects.requireNonNull(op, "op");
        jsons = jsons == null ? null : List.copyOf(jsons);
    }

    static Command put(String key, String json) {
        return new Command(Op.PUT, key, json, null, null);
    }

    static Command add(String prefix, String json) {
        return new Command(Op.ADD, prefix, json, null, null);
    }

    static Command seed(String prefix, List<String> jsons) {
        return new Command(Op.SEED, prefix, null, jsons, null);
    }

    static Command remove(String key) {
        return new Command(Op.REMOVE, key, null, null, null);
    }

    static Command claim(String member) {
        return new Command(Op.CLAIM, null, null, null, member);
    }

    byte[] bytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Command of(byte[] bytes) {
        try {
            return JSON.readValue(bytes, Command.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a cluster log entry: " + e.getMessage(), e);
        }
    }
}
