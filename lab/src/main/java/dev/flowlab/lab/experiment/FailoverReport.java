package dev.flowlab.lab.experiment;

import java.util.List;
import java.util.Locale;

/** report.md of the failover experiment: the fail-mode report's setup, table and plots, with its own story. */
final class FailoverReport {
    private FailoverReport() {
    }

    static String markdown(ExperimentResult r, List<String> plots) {
        ExperimentResult.Setup s = r.setup();
        StringBuilder md = new StringBuilder();
        md.append("# Failover experiment: one controller against a cluster of ").append(FailoverExperiment.CLUSTER)
                .append("\n\n");
        ReportWriter.setup(md, r, "controllers as processes of their own; the cluster on Apache Ratis (Raft)",
                "Controller (in the cluster: the master) killed with SIGKILL and kept down");
        md.append("## What each case did\n\n");
        for (ModeResult m : r.modes()) {
            md.append("- **").append(m.label()).append("**: ").append(ReportWriter.story(m));
            ModeResult.Failover f = m.failover();
            if (f != null) {
                md.append(f.takeoverSeconds() == null
                        ? " No surviving controller became master of every switch while the master was down."
                        : String.format(Locale.ROOT, " Controller %d became master of every switch %.2f s after controller"
                                + " %d was killed (generation id %d, the killed master's was %d); restarted, controller %d"
                                + " became %s.", f.newMaster(), f.takeoverSeconds(), f.killed(), f.generationAfter(),
                                f.generationBefore(), f.killed(), f.restartedBecomes()));
            }
            md.append("\n");
        }
        md.append("\n## Numbers\n\n");
        ReportWriter.summaryTable(r).forEach(l -> md.append(l).append("\n"));
        md.append("\n\"While down\" is from the kill to the restart of the killed controller. Times come from ping's own"
                + " timestamps (`-D`); the takeover from polling the surviving members' `/api/cluster` every 50 ms.\n\n");
        md.append("## Why\n\n");
        md.append(String.format(Locale.ROOT, "- **one controller**: killing it is the fail-mode experiment's outage: in"
                + " secure mode the installed flows keep the established pair going and nothing new is set up; standalone"
                + " fails open after 3 x %.0f s of inactivity probes. After the restart OVS reconnects with its backoff"
                + " (up to %.0f s).\n", s.inactivityProbeMs() / 1000.0, s.maxBackoffMs() / 1000.0));
        md.append("- **cluster**: every switch is connected to every member; one member is MASTER of all of them, the"
                + " others SLAVE (they get no packet-ins, and the switch refuses their writes). When the master dies, the"
                + " surviving members elect a new Raft leader (election timeout), it claims MASTER with a higher"
                + " generation id (a ROLE_REQUEST per switch), and the switches send it the packet-ins from then on. The"
                + " flow tables are not wiped, so established traffic never stops; a fresh pair works as soon as the new"
                + " master has the switches. The restarted member rejoins as SLAVE: the switches would refuse its old"
                + " generation id as stale anyway.\n");
        md.append("- What limits the takeover: the Raft election timeout (a member waits 1-2 x the timeout before it"
                + " stands), the commit of the new claim, and one ROLE_REQUEST round trip per switch; OVS's reconnect"
                + " backoff does not matter because the switches never lost their connections to the survivors.\n\n");
        ReportWriter.plots(md, plots);
        return md.toString();
    }
}
