package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.Flows;
import org.projectfloodlight.openflow.protocol.OFFactory;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.protocol.OFFlowDelete;
import org.projectfloodlight.openflow.types.OFPort;
import org.projectfloodlight.openflow.types.U64;

/**
 * The flow entries of ACL rules (pure functions). A deny rule is a drop entry. An allow rule is
 * installed only where it overrides a lower deny, as an entry that sends the packets to the
 * controller: a single OpenFlow table cannot say "go on to the lower-priority entries", so the
 * packet goes to the forwarding apps through the controller instead.
 */
final class AclFlows {
    /** Above every forwarding app's flows (the router's sit at 30000-30300). */
    static final int BASE_PRIORITY = 40000;

    private AclFlows() {
    }

    /** The cookie of a rule's entries: the app's cookie with the rule id in the low bits. */
    static U64 cookie(U64 appCookie, int ruleId) {
        return appCookie.or(U64.of(ruleId));
    }

    static OFFlowAdd add(OFFactory of, U64 appCookie, AclRule rule) {
        OFFlowAdd.Builder add = of.buildFlowAdd()
                .setCookie(cookie(appCookie, rule.id()))
                .setPriority(rule.flowPriority())
                .setMatch(rule.match().toMatch(of));
        if (rule.action() == AclRule.Action.ALLOW) {
            add.setInstructions(Flows.apply(of, Flows.output(of, OFPort.CONTROLLER)));
        }
        return add.build();   // no instructions: drop
    }

    /** Deletes the entries of one rule. */
    static OFFlowDelete delete(OFFactory of, U64 appCookie, int ruleId) {
        return deleteByCookie(of, cookie(appCookie, ruleId), U64.NO_MASK);
    }

    /** Deletes every entry of the app (on switch up, before installing the current rules). */
    static OFFlowDelete deleteAll(OFFactory of, U64 appCookie) {
        return deleteByCookie(of, appCookie, Flows.APP_COOKIE_MASK);
    }

    private static OFFlowDelete deleteByCookie(OFFactory of, U64 cookie, U64 mask) {
        return Flows.deleteByCookie(of, cookie, mask).build();
    }
}
