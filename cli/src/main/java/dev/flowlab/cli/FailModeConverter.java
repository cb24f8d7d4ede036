package dev.flowlab.cli;

import dev.flowlab.dataplane.FailMode;
import java.util.Locale;
import picocli.CommandLine;

/** {@code --fail-mode standalone|secure} (any case) to the dataplane's {@link FailMode}, with a one-line error otherwise. */
final class FailModeConverter implements CommandLine.ITypeConverter<FailMode> {
    @Override
    public FailMode convert(String value) {
        try {
            return FailMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a fail-mode: use standalone or secure");
        }
    }
}
