package dev.flowlab.testkit;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@link SystemTest} does around each test: skip without root or a running Open vSwitch (once per
 * JVM it asks), fail before a test when an earlier run left names with the test's prefixes (so the test
 * does not fail later for a reason that is not its own), and after it fail when the test left any,
 * removing them first so the next test starts clean.
 */
public final class SystemTestExtension implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Machine.whySystemTestsCannotRun()
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("root with Open vSwitch running"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> left = leftovers(context);
        if (!left.isEmpty()) {
            throw new AssertionError("left on this machine by an earlier run, before " + context.getDisplayName()
                    + ": " + left + " (remove them with `flowlab clean`)");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> left = leftovers(context);
        if (!left.isEmpty()) {
            prefixes(context).forEach(Leftovers::remove);
            throw new AssertionError(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName() + " left " + left + " (now removed)");
        }
    }

    private static List<String> leftovers(ExtensionContext context) {
        List<String> left = new ArrayList<>();
        prefixes(context).forEach(prefix -> left.addAll(Leftovers.named(prefix)));
        return left;
    }

    private static List<String> prefixes(ExtensionContext context) {
        SystemTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SystemTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + ": use @SystemTest(\"prefix\"), not the bare extension"));
        if (test.value().length == 0) {
            throw new ExtensionConfigurationException("@SystemTest on " + context.getRequiredTestClass().getName()
                    + " names no prefix: give the prefix of every name the test makes");
        }
        for (String prefix : test.value()) {
            Leftovers.checkPrefix(prefix);
        }
        return List.of(test.value());
    }
}
