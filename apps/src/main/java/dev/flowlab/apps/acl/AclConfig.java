package dev.flowlab.apps.acl;

import java.util.List;

/**
 * The acl app's config file ({@code --app-config acl=FILE}), YAML or JSON:
 *
 * <pre>
 * max_rules: 10000     # optional: past it a REST add is refused (409)
 * rules:
 *   - action: deny
 *     ipv4_dst: 10.0.0.2
 *     tcp_dst: 5001
 *   - action: allow
 *     priority: 200
 *     ipv4_src: 10.0.0.1
 * </pre>
 */
public record AclConfig(Integer maxRules, List<AclRule> rules) {
    /** Rules the acl holds unless the config file says otherwise. */
    public static final int DEFAULT_MAX_RULES = 10_000;
    static final AclConfig NONE = new AclConfig(null, null);

    public AclConfig {
        maxRules = maxRules == null ? DEFAULT_MAX_RULES : maxRules;
        if (maxRules < 1) {
            throw new IllegalArgumentException("max_rules " + maxRules + " must be at least 1");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
