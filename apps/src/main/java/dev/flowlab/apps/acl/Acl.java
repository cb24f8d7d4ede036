package dev.flowlab.apps.acl;

import dev.flowlab.controller.api.App;
import dev.flowlab.controller.api.AppContext;
import dev.flowlab.controller.api.Documents;
import dev.flowlab.controller.api.Flows;
import dev.flowlab.controller.api.PacketIn;
import dev.flowlab.controller.api.Reconcile;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.projectfloodlight.openflow.protocol.OFFlowAdd;
import org.projectfloodlight.openflow.types.U64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A firewall: allow/deny rules on L2-L4 fields, from the config file and REST, installed on every
 * switch as flow entries above the forwarding apps' ones. It runs first in the packet-in chain and
 * drops what a deny rule matches, so forwarding apps never see denied packets either.
 *
 * <p>REST: {@code GET /api/acl/rules}, {@code POST /api/acl/rules} (a rule as in the config file),
 * {@code DELETE /api/acl/rules/{id}}. The rules live in the controller's configuration store (a
 * cluster replicates them to every member): the config file seeds it on the first start, REST
 * changes go through it, and this app applies what the store reports, in order, on the store's
 * thread; packet-ins and switches coming up read the rule set without a lock. At most
 * {@code max_rules} rules (config file; {@link AclConfig#DEFAULT_MAX_RULES} by default).
 */
public final class Acl implements App {
    private static final Logger LOG = LoggerFactory.getLogger(Acl.class);

    private volatile AclPolicy policy = new AclPolicy(AclConfig.DEFAULT_MAX_RULES);   // replaced in start, before any switch
    private AppContext context;
    private U64 cookie;
    private Documents<AclRule> stored;
    /**
     * The switches' confirmations of each change this member applied ("+id" added, "-id" removed),
     * until the REST call that made it takes it; one that succeeded leaves at once.
     */
    private final Map<String, CompletableFuture<Void>> confirming = new ConcurrentHashMap<>();

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
        for (int i = 0; i < configured.size(); i++) {
            if (configured.get(i).id() != null) {
                throw new IllegalArgumentException("acl: rules[" + i + "] has an id; ids are assigned in file order, remove it");
            }
        }
        policy = new AclPolicy(config.maxRules());
        stored = ctx.documents("rules", AclRule.class);
        stored.listen(this::storedRuleChanged);   // the rules the store holds, then every change
        // The file's rules, numbered 1..n, unless the store was written before (a cluster already running).
        stored.seed(configured).whenComplete((seeded, e) -> {
            if (e != null) {
                LOG.warn("acl: the config file's rules could not be stored: {}", e.toString());
            }
        });
        LOG.info("acl: {} rules, {} of them installed as flows", policy.size(), policy.installed().size());
        ctx.rest().get("/rules", request -> policy.rules());
        // Answered when the switches confirmed, without blocking a REST thread meanwhile.
        ctx.rest().post("/rules", request -> add(request.body(AclRule.class)).thenApply(RestResponse::created));
        ctx.rest().delete("/rules/{id}", request -> {
            int id = ruleId(request.param("id"));
            return remove(id).thenApply(removed -> Map.of("deleted", removed.orElseThrow(() -> RestException.notFound(
                    "there is no acl rule " + id + "; GET /api/acl/rules lists them"))));
        });
    }

    /**
     * Brings the switch's acl entries in line with the rules without wiping them: a new master after a
     * failover, or a switch that kept an earlier run's entries, keeps filtering all along.
     */
    @Override
    public void onSwitchUp(Switch sw) {
        AclPolicy.Snapshot sent = policy.snapshot();
        Reconcile.entries(sw, cookie, Flows.APP_COOKIE_MASK, () -> entries(sw, policy.installed()))
                .whenComplete((stale, e) -> {
                    if (e != null) {
                        LOG.warn("dpid={} app=acl could not read the flow table to remove stale entries: {}", sw.id(), e.toString());
                    } else if (stale > 0) {
                        LOG.info("dpid={} app=acl removed {} stale entries", sw.id(), stale);
                    }
                });
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
     * Adds a rule through the store. Completes once the switches confirmed its entries; fails with a
     * 409 {@link RestException} when the rule set is full.
     */
    CompletableFuture<AclRule> add(AclRule rule) {
        if (rule.id() != null) {
            throw RestException.badRequest("id: ids are assigned by the controller; leave it out");
        }
        policy.checkRoom().ifPresent(full -> {
            throw new RestException(409, full);
        });
        return stored.add(rule).thenCompose(id -> confirmed("+" + id).thenApply(v -> {
            AclRule added = rule.withId(Math.toIntExact(id));
            LOG.info("acl: added rule {}", added);
            return added;
        }));
    }

    /** Removes a rule through the store and updates every switch; empty when there is no such rule. */
    CompletableFuture<Optional<AclRule>> remove(int id) {
        Optional<AclRule> before = policy.rules().stream().filter(r -> r.id() == id).findFirst();
        if (before.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return stored.remove(String.valueOf(id)).thenCompose(removed -> !removed
                ? CompletableFuture.completedFuture(Optional.<AclRule>empty())
                : confirmed("-" + id).thenApply(v -> {
                    LOG.info("acl: removed rule {}", before.get());
                    return before;
                }));
    }

    /**
     * The store added, replaced or removed (null) the rule named {@code name}, on this member: change
     * the rule set and send what changes to every switch this controller writes to.
     */
    private void storedRuleChanged(String name, AclRule rule) {
        int id = Integer.parseInt(name);
        AclPolicy.Change change;
        try {
            change = rule == null ? policy.remove(id).orElse(null) : policy.add(rule.withId(id));
        } catch (IllegalStateException full) {   // another member took it before this one's limit was seen
            LOG.warn("acl: rule {} is stored but not applied here: {}", id, full.getMessage());
            return;
        }
        if (change == null) {
            return;
        }
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        for (Switch sw : context.switches()) {
            change.uninstall().forEach(r -> confirmations.add(sw.sendConfirmed(AclFlows.delete(sw.factory(), cookie, r))));
            change.install().forEach(r -> confirmations.add(sw.sendConfirmed(AclFlows.add(sw.factory(), cookie, r))));
        }
        String key = (rule == null ? "-" : "+") + id;
        CompletableFuture<Void> all = CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new));
        confirming.put(key, all);
        all.thenRun(() -> confirming.remove(key, all));
    }

    /** The confirmation of the change {@code key} made here; done when none is pending (it succeeded, or no switch). */
    private CompletableFuture<Void> confirmed(String key) {
        CompletableFuture<Void> pending = confirming.remove(key);
        return pending != null ? pending : CompletableFuture.completedFuture(null);
    }

    /** Sends {@code sw} the entries that differ between the rules installed {@code before} and {@code now}. */
    private void send(Switch sw, Set<Integer> before, List<AclRule> now) {
        Set<Integer> nowIds = ids(now);
        before.stream().filter(id -> !nowIds.contains(id)).forEach(id -> sw.send(AclFlows.delete(sw.factory(), cookie, id)));
        now.stream().filter(r -> !before.contains(r.id())).forEach(r -> sw.send(AclFlows.add(sw.factory(), cookie, r)));
    }

    private List<OFFlowAdd> entries(Switch sw, List<AclRule> rules) {
        return rules.stream().map(r -> AclFlows.add(sw.factory(), cookie, r)).toList();
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
