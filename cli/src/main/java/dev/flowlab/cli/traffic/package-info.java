/** Traffic results as the CLI shows them (the ping matrix view). */
package dev.flowlab.cli.traffic;
