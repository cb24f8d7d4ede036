package dev.flowlab.dataplane;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Network#start} builds a network.
 *
 * @param failMode    what switches do without a controller
 * @param controllers OpenFlow controller targets for every switch, e.g. {@code tcp:127.0.0.1:6653}; empty for none
 * @param datapath    Open vSwitch datapath; {@link Datapath#AUTO} picks the kernel one where it exists
 * @param progress    told how far the build has come
 * @param runId       short id of this run, recorded with everything it creates; null for a random one
 * @param namePrefix  put before every node name (so {@code h1} becomes namespace {@code dph1}); empty for none
 * @param timeout     longest wait for any one external command
 * @param protocols   the OpenFlow versions every bridge offers (OVS {@code protocols}), lowest first; never empty
 */
public record NetworkOptions(FailMode failMode, List<String> controllers, Datapath datapath, BuildProgress progress,
                             String runId, String namePrefix, Duration timeout, List<OpenFlowVersion> protocols) {
    public NetworkOptions {
        Objects.requireNonNull(failMode, "failMode");
        protocols = protocols == null || protocols.isEmpty() ? OpenFlowVersion.DEFAULT
                : protocols.stream().distinct().sorted().toList();
        controllers = List.copyOf(controllers);
        Objects.requireNonNull(datapath, "datapath");
        progress = progress == null ? BuildProgress.NONE : progress;
        namePrefix = namePrefix == null ? "" : namePrefix;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        if (runId != null && !runId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("run id '" + runId + "' must be 1-32 letters, digits, '-' or '_'");
        }
    }

    /** Standalone switches, no controller, automatic datapath, no prefix. */
    public static NetworkOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder for {@link NetworkOptions}; every setting has a default. */
    public static final class Builder {
        private FailMode failMode = FailMode.STANDALONE;
        private List<String> controllers = List.of();
        private Datapath datapath = Datapath.AUTO;
        private BuildProgress progress = BuildProgress.NONE;
        private String runId;
        private String namePrefix = "";
        private Duration timeout;
        private List<OpenFlowVersion> protocols = OpenFlowVersion.DEFAULT;

        private Builder() {
        }

        /** What switches do without a controller; default standalone. */
        public Builder failMode(FailMode failMode) {
            this.failMode = failMode;
            return this;
        }

        /** Controller targets in OVS syntax: {@code tcp:IP:PORT}, {@code ssl:IP:PORT}, {@code unix:PATH}. */
        public Builder controllers(List<String> targets) {
            this.controllers = targets;
            return this;
        }

        /** One controller at {@code tcp:host:port}. */
        public Builder controller(String host, int port) {
            this.controllers = List.of("tcp:" + host + ":" + port);
            return this;
        }

        /** Open vSwitch datapath; default {@link Datapath#AUTO}. */
        public Builder datapath(Datapath datapath) {
            this.datapath = datapath;
            return this;
        }

        /** Told how far the build has come. */
        public Builder progress(BuildProgress progress) {
            this.progress = progress;
            return this;
        }

        /** The run id; default a random 8-character one. */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /** Put before every node name, so several networks can run side by side. */
        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        /** Longest wait for one external command; default 120 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The OpenFlow versions every bridge offers; default OpenFlow 1.3 only. */
        public Builder protocols(List<OpenFlowVersion> protocols) {
            this.protocols = protocols;
            return this;
        }

        /** The options. */
        public NetworkOptions build() {
            return new NetworkOptions(failMode, controllers, datapath, progress, runId, namePrefix, timeout, protocols);
        }
    }
}
