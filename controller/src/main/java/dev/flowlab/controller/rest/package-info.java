/**
 * The REST API: a JSON server on Netty guarded by a token and Host/Origin checks, the route table (core routes
 * and routes apps add through {@link dev.flowlab.controller.api.RestRoutes}), and the JSON forms of
 * switches, ports, matches, actions and flows. Off by default; see {@link dev.flowlab.controller.RestConfig}.
 */
package dev.flowlab.controller.rest;
