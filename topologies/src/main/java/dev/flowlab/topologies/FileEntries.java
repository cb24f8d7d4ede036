package dev.flowlab.topologies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The shapes of a topology file, as Jackson reads and writes them. Keys are lower_snake_case. */
final class FileEntries {
    private FileEntries() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HostEntry(String name, String ip, String mac, String gateway) {
    }

    /** {@code dpid} is read as the text written (see {@link Dpids#parse}) and written as a number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SwitchEntry(String name, Object dpid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkEntry(String a, String b, @JsonProperty("port_a") Integer portA, @JsonProperty("port_b") Integer portB,
                     ParamsEntry params) {
    }

    /** {@code bw} in Mbit/s, {@code delay}/{@code jitter} like {@code 5ms}, {@code loss} in %, {@code max_queue} in packets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParamsEntry(Number bw, String delay, String jitter, Number loss,
                       @JsonProperty("max_queue") Integer maxQueue) {
    }

    /** The whole file, for writing; reading goes element by element to keep line numbers. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FileEntry(List<HostEntry> hosts, List<SwitchEntry> switches, List<LinkEntry> links) {
    }
}
