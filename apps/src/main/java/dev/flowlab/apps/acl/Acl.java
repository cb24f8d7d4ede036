package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.RestException;
import dev.flowlab.controller.api.RestResponse;
import dev.flowlab.controller.api.Switch;
import dev.flowlab.controller.api.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFMessage;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A firewall: allow/deny rules on L2-L4 fields, from the config file and REST, installed on every
 * switch as flow entries above the forwarding apps' ones. It runs first in the packet-in chain and
 * drops what a deny rule matches, so forwarding apps never see denied packets either.
 *
 * <p>REST: {@code GET /api/acl/rules}, {@code POST /api/acl/rules} (a rule as in the config file),
 * {@code DELETE /api/acl/rules/{id}}.
 */
public final class Acl implements App {
    private static final Logger LOG = LoggerFactory.getLogger(Acl.class);

    private final AclPolicy policy = new AclPolicy();
    private AppContext context;
    private U64 cookie;

    /** Before the router (20) and the forwarding apps (100): a denied packet must not be forwarded. */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public void start(AppContext ctx) {
        this.context = ctx;
        this.cookie = ctx.cookie();
        List<AclRule> configured = ctx.config(AclConfig.class).map(AclConfig::rules).orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            if (configured.get(i).id() != null) {
                throw new IllegalArgumentException("acl: rules[" + i + "] has an id; ids are assigned in file order, remove it");
            }
            policy.add(configured.get(i));
        }
        LOG.info("acl: {} rules, {} of them installed as flows", configured.size(), policy.installed().size());
        ctx.rest().get("/rules", request -> policy.rules());
        ctx.rest().post("/rules", request -> RestResponse.created(add(request.body(AclRule.class))));
        ctx.rest().delete("/rules/{id}", request -> {
            int id = ruleId(request.param("id"));
            AclRule removed = remove(id).orElseThrow(() -> RestException.notFound("there is no acl rule " + id
                    + "; GET /api/acl/rules lists them"));
            return Map.of("deleted", removed);
        });
    }

    @Override
    public void onSwitchUp(Switch sw) {
        synchronized (policy) {
            // A switch in secure fail-mode keeps the entries of an earlier run: replace them all.
            sw.send(AclFlows.deleteAll(sw.factory(), cookie));
            policy.installed().forEach(rule -> sw.send(AclFlows.add(sw.factory(), cookie, rule)));
        }
    }

    @Override
    public Verdict onPacketIn(PacketIn in) {
        Optional<AclRule> rule = policy.decide(in.ethernet());
        if (rule.isPresent() && rule.get().action() == AclRule.Action.DENY) {
            LOG.debug("dpid={} port={} app=acl denied by rule {}: {}", in.sw().id(), in.inPort(), rule.get().id(),
                    in.ethernet());
            return Verdict.HANDLED;
        }
        return Verdict.CONTINUE;
    }

    /** Adds a rule and installs what changes on every switch; returns once the switches confirmed. */
    AclRule add(AclRule rule) {
        if (rule.id() != null) {
            throw RestException.badRequest("id: ids are assigned by the controller; leave it out");
        }
        List<CompletableFuture<Void>> confirmations;
        AclRule added;
        synchronized (policy) {
            Set<Integer> before = ids(policy.installed());
            added = policy.add(rule);
            confirmations = apply(before);
        }
        confirmations.forEach(CompletableFuture::join);
        LOG.info("acl: added rule {}", added);
        return added;
    }

    /** Removes a rule and updates every switch; empty when there is no such rule. */
    Optional<AclRule> remove(int id) {
        List<CompletableFuture<Void>> confirmations;
        Optional<AclRule> removed;
        synchronized (policy) {
            Set<Integer> before = ids(policy.installed());
            removed = policy.remove(id);
            confirmations = apply(before);
        }
        confirmations.forEach(CompletableFuture::join);
        removed.ifPresent(r -> LOG.info("acl: removed rule {}", r));
        return removed;
    }

    /** Rules in evaluation order. */
    List<AclRule> rules() {
        return policy.rules();
    }

    /** Sends every switch the entries that differ between the rules installed {@code before} and now. */
    private List<CompletableFuture<Void>> apply(Set<Integer> before) {
        List<AclRule> now = policy.installed();
        Set<Integer> nowIds = ids(now);
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        for (Switch sw : context.switches()) {
            List<OFMessage> changes = new ArrayList<>();
            before.stream().filter(id -> !nowIds.contains(id)).forEach(id -> changes.add(AclFlows.delete(sw.factory(), cookie, id)));
            now.stream().filter(r -> !before.contains(r.id())).forEach(r -> changes.add(AclFlows.add(sw.factory(), cookie, r)));
            changes.forEach(m -> confirmations.add(sw.sendConfirmed(m)));
        }
        return confirmations;
    }

    private static Set<Integer> ids(List<AclRule> rules) {
        return rules.stream().map(AclRule::id).collect(Collectors.toSet());
    }

    private static int ruleId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RestException.badRequest("'" + text + "' is not a rule id (a number, as GET /api/acl/rules shows)");
        }
    }
}
