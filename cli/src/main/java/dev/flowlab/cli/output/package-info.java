/** What the CLI prints for a person: timed step lines, live progress, colour on a terminal only. */
package dev.flowlab.cli.output;
