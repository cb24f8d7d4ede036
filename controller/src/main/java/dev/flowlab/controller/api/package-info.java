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
 */
package dev.flowlab.controller.api;
