/**
 * The {@code flowlab>} shell, independent of what it drives: splitting lines into words, the
 * command table, running a line (a command, or a command inside a host), completion, and the
 * interactive (JLine) and script loops.
 */
package dev.flowlab.cli.shell;
