package dev.flowlab.cli;

import dev.flowlab.controller.RestConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --rest}, {@code --rest-token}, {@code --app-config} and {@code --capture-openflow}: what the embedded
 * controller serves, what its apps read and where its OpenFlow channel is recorded. A picocli mixin; a command whose REST API is on by default says so with its own default
 * value provider (see {@link ControllerCommand}).
 */
public final class ServiceOptions {
    static final String REST = "--rest";

    @Option(names = REST, paramLabel = "HOST:PORT|PORT|off", defaultValue = "off",
            description = "serve the embedded controller's REST API there, e.g. 8080 (default: ${DEFAULT-VALUE})")
    String rest;

    @Option(names = "--rest-token", paramLabel = "TOKEN",
            description = "the REST API's bearer token (16+ characters); default: a random one, printed at start")
    String restToken;

    @Option(names = "--rest-token-dir", paramLabel = "DIR",
            description = "write the REST token file (rest-PORT.token, owner-only) into DIR instead of /run/flowlab")
    Path restTokenDir;

    @Option(names = "--app-config", paramLabel = "APP=FILE",
            description = "an app's config file (YAML or JSON), e.g. acl=rules.yaml or router=router.yaml; repeatable")
    List<String> appConfigs;

    @Option(names = "--capture-openflow", paramLabel = "FILE",
            description = "write every OpenFlow message to FILE, a pcap Wireshark and tshark decode as OpenFlow as it is")
    Path openflowCapture;

    /** The pcap file for the OpenFlow channel, or null. */
    public Path openflowCapture() {
        return openflowCapture == null ? null : openflowCapture.toAbsolutePath();
    }

    /** Where and with which token (null: generated) to serve REST; a token for an API that is off is an error. */
    public RestConfig rest() {
        RestConfig config = RestConfig.parse(rest, restToken);
        return restTokenDir == null ? config : config.withTokenDir(restTokenDir.toAbsolutePath());
    }

    /** Each app's config file, checked to be readable and to belong to one of {@code apps}. */
    public Map<String, Path> appConfigs(List<String> apps) {
        return AppConfigs.parse(appConfigs, apps);
    }

    /** Whether either option asks for something (they only make sense for the embedded controller). */
    public boolean anyGiven() {
        return appConfigs != null || restToken != null || restTokenDir != null || openflowCapture != null
                || RestConfig.parse(rest).enabled();
    }
}
