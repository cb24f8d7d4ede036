/**
 * The {@code qos} app: per-host rate limits from a config file, enforced by OpenFlow 1.3 meters that
 * the entries of limited hosts pass, whichever forwarding app installs those entries.
 */
package dev.flowlab.apps.qos;
