package dev.flowlab.topologies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The shapes of a topology file, as Jackson reads and writes them. Keys are lower_snake_case. */
final class FileEntries {
    private FileEntries() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record HostEntry(String name, String ip, String mac, String gateway, List<String> aliases, List<VlanEntry> vlans,
                     NatEntry nat) {
    }

    /** A tagged sub-interface: {@code {id: 10, ip: 10.10.0.1/24}}, with {@code outer: 100} for QinQ. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VlanEntry(Integer id, String ip, Integer outer) {
    }

    /** {@code nat: {outside: s9, ip: 192.168.7.1/24, gateway: 192.168.7.254}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NatEntry(String outside, String ip, String gateway) {
    }

    /** One of {@code {tag: 10}} (access), {@code {trunks: [10, 20]}} (trunk), {@code {qinq: 100, cvlans: [10]}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PortVlanEntry(Integer tag, List<Integer> trunks, Integer qinq, List<Integer> cvlans) {
    }

    /** {@code {switch: s1, port: 4}}; port defaults to the switch's next free one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TapEntry(@JsonProperty("switch") String switchName, Integer port) {
    }

    /** A tunnel port; {@code vni} is VXLAN's network id, {@code key} GRE's key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TunnelEntry(@JsonProperty("switch") String switchName, Integer port, String type, String remote,
                       String local, Integer vni, Integer key, @JsonProperty("dst_port") Integer dstPort,
                       @JsonProperty("underlay_netns") String underlayNetns, Integer mtu) {
    }

    /** {@code {switch: s1, port: 2, max_rate: 100, queues: [{id: 1, min_rate: 5, max_rate: 10}]}}, rates in Mbit/s. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QosEntry(@JsonProperty("switch") String switchName, Integer port, @JsonProperty("max_rate") Number maxRate,
                    List<QueueEntry> queues) {
    }

    /** {@code {id: 1, min_rate: 5, max_rate: 10}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueEntry(Integer id, @JsonProperty("min_rate") Number minRate, @JsonProperty("max_rate") Number maxRate) {
    }

    /** {@code identity: {domain: lab, nameservers: [10.0.0.53], search: [lab]}}; {@code identity: {}} for names only. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record IdentityEntry(String domain, List<String> nameservers, List<String> search) {
    }

    /** {@code dpid} is read as the text written (see {@link Dpids#parse}) and written as a number. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SwitchEntry(String name, Object dpid) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkEntry(String a, String b, @JsonProperty("port_a") Integer portA, @JsonProperty("port_b") Integer portB,
                     ParamsEntry params, PortVlanEntry vlan, @JsonProperty("vlan_a") PortVlanEntry vlanA,
                     @JsonProperty("vlan_b") PortVlanEntry vlanB) {
    }

    /** {@code bw} in Mbit/s, {@code delay}/{@code jitter} like {@code 5ms}, {@code loss} in %, {@code max_queue} in packets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParamsEntry(Number bw, String delay, String jitter, Number loss,
                       @JsonProperty("max_queue") Integer maxQueue) {
    }

    /** The whole file, for writing; reading goes element by element to keep line numbers. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record FileEntry(List<HostEntry> hosts, List<SwitchEntry> switches, List<LinkEntry> links, List<TapEntry> taps,
                     List<TunnelEntry> tunnels, List<QosEntry> qos, IdentityEntry identity) {
    }
}
