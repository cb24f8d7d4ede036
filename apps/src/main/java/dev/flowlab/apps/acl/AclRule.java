package dev.flowlab.apps.acl;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One ACL rule, as written in the config file and in REST bodies. Fields left out match anything;
 * a rule with no fields matches every packet. Higher {@code priority} wins; at equal priority a deny
 * beats an allow. Prerequisites are implied: {@code tcp_dst: 80} alone means TCP over IPv4.
 *
 * @param id       assigned by the controller (1, 2... in file order, then on each REST add)
 * @param action   allow or deny
 * @param priority 0-9999, 100 when left out
 * @param vlanVid  the VLAN the packet is in (the controller's VLAN stage tags every frame with its VLAN)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AclRule(Integer id, Action action, Integer priority, String ethType, String ethSrc, String ethDst,
                      String ipv4Src, String ipv4Dst, String ipProto, Integer tcpSrc, Integer tcpDst, Integer udpSrc,
                      Integer udpDst, Integer vlanVid) {
    static final int DEFAULT_PRIORITY = 100;
    static final int MAX_PRIORITY = 9999;

    /** What a rule does with the packets it matches. */
    public enum Action {
        @JsonProperty("allow") ALLOW,
        @JsonProperty("deny") DENY
    }

    public AclRule {
        if (action == null) {
            throw new IllegalArgumentException("action is missing: write allow or deny");
        }
        priority = priority == null ? DEFAULT_PRIORITY : priority;
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority " + priority + " is out of range 0-" + MAX_PRIORITY);
        }
        RuleMatch.of(ethType, ethSrc, ethDst, ipv4Src, ipv4Dst, ipProto, tcpSrc, tcpDst, udpSrc, udpDst, vlanVid);  // fail now, not at a switch
    }

    /** The same rule under another id. */
    AclRule withId(int newId) {
        return new AclRule(newId, action, priority, ethType, ethSrc, ethDst, ipv4Src, ipv4Dst, ipProto, tcpSrc, tcpDst,
                udpSrc, udpDst, vlanVid);
    }

    /** What the rule matches (checked when a rule is added, so a bad rule never reaches a switch). */
    @JsonIgnore
    RuleMatch match() {
        return RuleMatch.of(this);
    }

    /** The flow priority: above forwarding apps' flows, in rule priority order, a deny above an allow at the same priority. */
    @JsonIgnore
    int flowPriority() {
        return AclFlows.BASE_PRIORITY + 2 * priority + (action == Action.DENY ? 1 : 0);
    }
}
