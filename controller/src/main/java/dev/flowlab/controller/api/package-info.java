/**
 * The controller's public API: the only package an app imports.
 *
 * <p>An app implements {@link dev.flowlab.controller.api.App} (override only the callbacks it
 * handles), is registered by an {@link dev.flowlab.controller.api.AppModule} listed in
 * {@code META-INF/services/dev.flowlab.controller.api.AppModule}, talks to switches through
 * {@link dev.flowlab.controller.api.Switch}, and reads packets through
 * {@link dev.flowlab.controller.api.PacketIn} and its parsed {@link dev.flowlab.controller.api.Ethernet}
 * view. Messages are built with openflowj ({@code sw.factory().buildFlowAdd()...}); {@link
 * dev.flowlab.controller.api.Flows} removes only the repetition every app has.
 *
 * <p>Core services an app may {@code @Inject} in its constructor: {@link
 * dev.flowlab.controller.api.TopologyService} (switches and the {@link dev.flowlab.controller.api.Link}s
 * between them found by LLDP, shortest {@link dev.flowlab.controller.api.Path}s, a loop-free broadcast
 * tree, edge ports) and {@link dev.flowlab.controller.api.HostService} (where each host attaches, as
 * {@link dev.flowlab.controller.api.HostInfo}).
 *
 * <p>Configuration users change at run time (rules, routes, flows added through REST) goes in the
 * app's {@link dev.flowlab.controller.api.Documents} ({@code ctx.documents(...)}), backed by the
 * controller's {@link dev.flowlab.controller.api.ConfigStore}: in memory for a controller alone,
 * replicated to every member by a cluster. When a controller becomes a switch's master its flow table
 * still holds the previous master's entries: {@link dev.flowlab.controller.api.Reconcile} brings an
 * app's entries in line without wiping them.
 */
package dev.flowlab.controller.api;
