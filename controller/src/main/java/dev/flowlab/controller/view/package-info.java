/**
 * The web view's data: one snapshot of switches, ports, links (seen and expected), hosts, flow tables
 * and apps, pushed to browsers as Server-Sent Events whenever it changes.
 */
package dev.flowlab.controller.view;
