/**
 * The {@code flowlab} command: {@code run} and {@code demo} start the embedded controller and a
 * network in one process ({@link dev.flowlab.lab.Lab}), then a test, a script or the shell.
 */
package dev.flowlab.cli;
