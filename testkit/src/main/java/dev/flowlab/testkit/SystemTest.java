package dev.flowlab.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a system test: one that builds real namespaces, veths and Open vSwitch bridges. It is tagged
 * {@code system} (Maven runs it with Failsafe in {@code verify}, never in {@code test}), skipped with the
 * reason when this is not root or Open vSwitch does not answer, and fails when anything named with one of
 * its {@link #value() prefixes} is on the machine before or after a test (see {@link Leftovers}).
 *
 * <pre>{@code
 * @SystemTest("dp6")          // every name the test makes starts with dp6: dp6h1, dp6s1, dp6s1-eth1...
 * class LinkTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(SystemTest.TAG)
@ExtendWith(SystemTestExtension.class)
public @interface SystemTest {
    /** The JUnit tag of system tests; the build runs it with Failsafe. */
    String TAG = "system";

    /** The name prefixes of everything the test makes (at least one, two characters or more). */
    String[] value();
}
