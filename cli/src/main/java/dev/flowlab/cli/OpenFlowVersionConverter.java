package dev.flowlab.cli;

import dev.flowlab.dataplane.OpenFlowVersion;
import picocli.CommandLine;

/** One of {@code --protocols OpenFlow10,OpenFlow13,...} to the dataplane's {@link OpenFlowVersion}, with a one-line error otherwise. */
final class OpenFlowVersionConverter implements CommandLine.ITypeConverter<OpenFlowVersion> {
    @Override
    public OpenFlowVersion convert(String value) {
        try {
            return OpenFlowVersion.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
