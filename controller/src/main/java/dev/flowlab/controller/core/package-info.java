/**
 * The controller's core, independent of Netty: loading apps (ServiceLoader + Guice), the ordered
 * chain that delivers events to them, and the registry of switches that finished their handshake.
 */
package dev.flowlab.controller.core;
