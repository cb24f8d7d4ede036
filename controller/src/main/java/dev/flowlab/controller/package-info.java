/**
 * The controller as one object: {@link dev.flowlab.controller.Controller#start} with a {@link
 * dev.flowlab.controller.ControllerConfig}, then ask it for switches, stop and restart listening,
 * close. Apps see only {@link dev.flowlab.controller.api}.
 */
package dev.flowlab.controller;
