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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A firewall: allow/deny rules on L2-L4 fields, from the config file and REST, installed on every
 * switch as flow entries above the forwarding apps' ones. It runs first in the packet-in chain and
 * drops what a deny rule matches, so forwarding apps never see denied packets either.
 *
 * <p>REST: {@code GET /api/acl/rules}, {@code POST /api/acl/rules} (a rule as in the config file),
 * {@code DELETE /api/acl/rules/{id}}. Changes are worked out and sent on the apps' executor, never on
 * an I/O thread, one at a time; packet-ins and switches coming up read the rule set without a lock.
 * At most {@code max_rules} rules (config file; {@link AclConfig#DEFAULT_MAX_RULES} by default).
 */
public final class Acl implements App {
    private static final Logger LOG = LoggerFactory.getLogger(Acl.class);

    private volatile AclPolicy policy = new AclPolicy(AclConfig.DEFAULT_MAX_RULES);   // replaced in start, before any switch
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
        AclConfig config = ctx.config(AclConfig.class).orElse(AclConfig.NONE);
        List<AclRule> configured = config.rules();
        if (configured.size() > config.maxRules()) {
            throw new IllegalArgumentException("acl: the config file has " + configured.size() + " rules, more than"
                    + " max_rules " + config.maxRules() + "; raise max_rules or drop rules");
        }
        policy = new AclPolicy(config.maxRules());
        for (int i = 0; i < configured.size(); i++) {
            if (configured.get(i).id() != null) {
                throw new IllegalArgumentException("acl: rules[" + i + "] has an id; ids are assigned in file order, remove it");
            }
            policy.add(configured.get(i));
        }
        LOG.info("acl: {} rules, {} of them installed as flows", configured.size(), policy.installed().size());
        ctx.rest().get("/rules", request -> policy.rules());
        // Answered when the switches confirmed, without blocking a REST thread meanwhile.
        ctx.rest().post("/rules", request -> add(request.body(AclRule.class)).thenApply(RestResponse::created));
        ctx.rest().delete("/rules/{id}", request -> {
            int id = ruleId(request.param("id"));
            return remove(id).thenApply(removed -> Map.of("deleted", removed.orElseThrow(() -> RestException.notFound(
                    "there is no acl rule " + id + "; GET /api/acl/rules lists them"))));
        });
    }

    @Override
    public void onSwitchUp(Switch sw) {
        // A switch in secure fail-mode keeps the entries of an earlier run: replace them all.
        AclPolicy.Snapshot sent = policy.snapshot();
        sw.send(AclFlows.deleteAll(sw.factory(), cookie));
        sent.installed().forEach(rule -> sw.send(AclFlows.add(sw.factory(), cookie, rule)));
        // A change published meanwhile may have been sent to this switch before what was sent above: catch up.
        for (AclPolicy.Snapshot now = policy.snapshot(); now != sent; sent = now, now = policy.snapshot()) {
            send(sw, ids(sent.installed()), now.installed());
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

    /**
     * Adds a rule and installs what changes on every switch. Completes once the switches confirmed;
     * fails with a 409 {@link RestException} when the rule set is full.
     */
    CompletableFuture<AclRule> add(AclRule rule) {
        if (rule.id() != null) {
            throw RestException.badRequest("id: ids are assigned by the controller; leave it out");
        }
        return change(() -> policy.add(rule)).thenApply(change -> {
            LOG.info("acl: added rule {}", change.rule());
            return change.rule();
        });
    }

    /** Removes a rule and updates every switch; empty when there is no such rule. */
    CompletableFuture<Optional<AclRule>> remove(int id) {
        return change(() -> policy.remove(id).orElse(null)).thenApply(change -> {
            Optional<AclRule> removed = Optional.ofNullable(change).map(AclPolicy.Change::rule);
            removed.ifPresent(r -> LOG.info("acl: removed rule {}", r));
            return removed;
        });
    }

    /**
     * Makes a change on the apps' executor (one at a time, off the I/O threads) and sends it to every
     * switch there; completes with it once every switch confirmed (null change: nothing to send).
     */
    private CompletableFuture<AclPolicy.Change> change(Supplier<AclPolicy.Change> make) {
        return CompletableFuture.supplyAsync(() -> {
            AclPolicy.Change change;
            try {
                change = make.get();
            } catch (IllegalStateException full) {
                throw new RestException(409, full.getMessage());
            }
            if (change == null) {
                return CompletableFuture.<AclPolicy.Change>completedFuture(null);
            }
            List<CompletableFuture<Void>> confirmations = new ArrayList<>();
            for (Switch sw : context.switches()) {
                change.uninstall().forEach(id -> confirmations.add(sw.sendConfirmed(AclFlows.delete(sw.factory(), cookie, id))));
                change.install().forEach(r -> confirmations.add(sw.sendConfirmed(AclFlows.add(sw.factory(), cookie, r))));
            }
            return CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new)).thenApply(v -> change);
        }, context.executor()).thenCompose(confirmed -> confirmed);
    }

    /** Sends {@code sw} the entries that differ between the rules installed {@code before} and {@code now}. */
    private void send(Switch sw, Set<Integer> before, List<AclRule> now) {
        Set<Integer> nowIds = ids(now);
        before.stream().filter(id -> !nowIds.contains(id)).forEach(id -> sw.send(AclFlows.delete(sw.factory(), cookie, id)));
        now.stream().filter(r -> !before.contains(r.id())).forEach(r -> sw.send(AclFlows.add(sw.factory(), cookie, r)));
    }

    /** Rules in evaluation order. */
    List<AclRule> rules() {
        return policy.rules();
    }

    /** The rule set (tests hold its lock to stand for a change in progress). */
    AclPolicy policy() {
        return policy;
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
