package dev.flowlab.apps.loadbalancer;

import dev.flowlab.controller.api.AppModule;

/** Registers {@link LoadBalancer} as {@code load-balancer}. */
public final class LoadBalancerModule extends AppModule {
    public LoadBalancerModule() {
        super(LoadBalancer.ID, LoadBalancer.class);
    }
}
