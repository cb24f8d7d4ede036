package dev.flowlab.apps.acl;

import java.util.List;

/**
 * The acl app's config file ({@code --app-config acl=FILE}), YAML or JSON:
 *
 * <pre>
 * rules:
 *   - action: deny
 *     ipv4_dst: 10.0.0.2
 *     tcp_dst: 5001
 *   - action: allow
 *     priority: 200
 *     ipv4_src: 10.0.0.1
 * </pre>
 */
public record AclConfig(List<AclRule> rules) {
    public AclConfig {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
