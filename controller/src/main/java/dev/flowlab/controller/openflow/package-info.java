/**
 * OpenFlow 1.3 over Netty: the server socket, the per-connection pipeline (framing and decoding,
 * encoding with one flush per read batch, echo keep-alive, handshake) and {@link
 * dev.flowlab.controller.openflow.SwitchConnection}, the {@link dev.flowlab.controller.api.Switch}
 * apps talk to. Nothing here is visible to apps.
 */
package dev.flowlab.controller.openflow;
