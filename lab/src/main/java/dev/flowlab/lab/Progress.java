package dev.flowlab.lab;

/**
 * Where a lab and the experiment report what they are doing: a series of named steps ("controller",
 * "network", "switches", "teardown"...), each with progress while it runs and one outcome. The
 * command line shows them as aligned lines; a test or a script may ignore them ({@link #SILENT}).
 */
public interface Progress {
    /** Hears nothing. */
    Progress SILENT = label -> Stage.SILENT;

    /** Starts a step; its outcome is reported on the returned handle. */
    Stage step(String label);

    /** A heading before a group of steps (e.g. one fail-mode of the experiment). */
    default void heading(String text) {
    }

    /** One step: any number of progress notes, then done, warn or fail. */
    interface Stage {
        /** Ignores everything. */
        Stage SILENT = new Stage() {
            @Override
            public void progress(String detail) {
            }

            @Override
            public void done(String detail) {
            }

            @Override
            public void warn(String detail) {
            }

            @Override
            public void fail(String detail) {
            }
        };

        /** What the step is doing now; may be called often (the listener decides how often to show it). */
        void progress(String detail);

        void done(String detail);

        void warn(String detail);

        void fail(String detail);
    }
}
